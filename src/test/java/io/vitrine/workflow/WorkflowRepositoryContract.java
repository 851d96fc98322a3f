package io.vitrine.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.asset.AssetRepository;
import io.vitrine.asset.AssetStatus;
import io.vitrine.asset.TestAssets;
import io.vitrine.asset.jdbc.JdbiAssetRepository;
import io.vitrine.audit.AuditService;
import io.vitrine.audit.jdbc.JdbiAuditLog;
import io.vitrine.auth.Principal;
import io.vitrine.db.Database;
import io.vitrine.db.Json;
import io.vitrine.pipeline.jdbc.JdbiJobQueue;
import io.vitrine.rights.Channel;
import io.vitrine.workflow.jdbc.JdbiWorkflowRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow tables (migration V8) on a real database, each subclass picking H2 or PostgreSQL:
 * records, conditional task updates, the region- and role-filtered queue, reminders, and decisions
 * racing through the real service under the workflow lock.
 */
public abstract class WorkflowRepositoryContract {
    static final Instant T0 = Instant.parse("2025-06-01T10:00:00.123456Z");

    protected Database db;
    AssetRepository assets;
    JdbiWorkflowRepository repo;

    protected abstract Database freshDatabase();

    @BeforeEach
    void open() {
        db = freshDatabase();
        assets = new JdbiAssetRepository(db.handles(), Json.mapper());
        repo = new JdbiWorkflowRepository(db.handles());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private String asset(int minute, String... regions) {
        String id = TestAssets.newId(T0.plusSeconds(60L * minute));
        assets.insert(TestAssets.processing(id, TestAssets.sha(id), T0.plusSeconds(60L * minute)));
        assets.updateRegions(id, Set.of(regions), T0);
        assets.updateStatus(id, AssetStatus.READY, null, T0);
        return id;
    }

    private Workflow lock(String id) {
        return db.handles().inTransaction(() -> repo.lock(id, T0));
    }

    private String openTask(String assetId, String role, Instant due) {
        String id = TestAssets.newId(due);
        repo.insertTask(ReviewTask.open(id, assetId, 1, role, due, T0));
        return id;
    }

    @Test
    void an_asset_without_a_record_is_a_draft_and_lock_creates_that_draft_once() {
        String a = asset(1);
        assertThat(repo.find(a)).isEmpty();
        assertThat(lock(a).state()).isEqualTo(WorkflowState.DRAFT);
        assertThat(lock(a).state()).isEqualTo(WorkflowState.DRAFT);
        assertThat(repo.find(List.of(a, "absent"))).containsOnlyKeys(a);
    }

    @Test
    void a_record_round_trips_every_field() {
        String a = asset(1);
        Workflow w = new Workflow(a, WorkflowState.IN_REVIEW, 3, Channel.OOH, true, Set.of("minors", "health-claim"),
                List.of("baseline", "risk-flagged"), 2, 4, "tok (Ann)", T0, T0.plusSeconds(5));
        lock(a);
        repo.save(w);
        assertThat(repo.find(a)).contains(w);
        Workflow cleared = new Workflow(a, WorkflowState.DRAFT, null, null, null, Set.of(), List.of(), 0, null, null, null, T0);
        repo.save(cleared);
        assertThat(repo.find(a)).contains(cleared);
    }

    @Test
    void a_task_is_decided_once_and_cancelling_touches_only_open_tasks() {
        String a = asset(1);
        String t1 = openTask(a, "legal", T0.plusSeconds(60));
        String t2 = openTask(a, "compliance", T0.plusSeconds(60));
        assertThat(repo.decide(t1, TaskState.APPROVED, "ann", "ok", T0)).isTrue();
        assertThat(repo.decide(t1, TaskState.REJECTED, "bob", "no", T0)).isFalse();
        assertThat(repo.cancelOpen(a, T0)).isEqualTo(1);
        assertThat(repo.tasks(a)).extracting(ReviewTask::id, ReviewTask::state, ReviewTask::decidedBy)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(t1, TaskState.APPROVED, "ann"),
                        org.assertj.core.groups.Tuple.tuple(t2, TaskState.CANCELLED, null));
    }

    @Test
    void the_queue_filters_by_role_region_and_deletion_and_orders_by_due_date() {
        String open = asset(1);
        String de = asset(2, "DE");
        String fr = asset(3, "FR");
        String gone = asset(4);
        for (String a : List.of(open, de, fr, gone)) {
            lock(a);
        }
        String late = openTask(open, "reviewer", T0.minusSeconds(60));
        String deTask = openTask(de, "reviewer", T0.plusSeconds(60));
        openTask(fr, "reviewer", T0.plusSeconds(30));
        openTask(gone, "reviewer", T0);
        String legal = openTask(open, "legal", T0.plusSeconds(10));
        assets.markDeleted(gone, T0);
        assertThat(ids(repo.queue(Set.of("reviewer"), Set.of("DE"), null, null, 50))).containsExactly(late, deTask);
        assertThat(ids(repo.queue(Set.of("reviewer", "legal"), Set.of(), null, null, 50))).containsExactly(late, legal);
        assertThat(repo.queue(null, null, null, null, 50)).hasSize(4); // not the deleted asset's
        assertThat(repo.queue(Set.of(), null, null, null, 50)).isEmpty();
        assertThat(ids(repo.queue(Set.of("reviewer"), Set.of("DE"), T0.minusSeconds(60), late, 50))).containsExactly(deTask);
    }

    private static List<String> ids(List<WorkflowRepository.Queued> q) {
        return q.stream().map(x -> x.task().id()).toList();
    }

    @Test
    void a_reminder_is_counted_once_per_previous_reminder() {
        String a = asset(1);
        String t = openTask(a, "reviewer", T0.minusSeconds(10));
        openTask(a, "legal", T0.plusSeconds(3600));
        assertThat(repo.dueForReminder(T0, T0)).extracting(ReviewTask::id).containsExactly(t);
        assertThat(repo.markReminded(t, null, T0)).isTrue();
        assertThat(repo.markReminded(t, null, T0)).isFalse();
        assertThat(repo.dueForReminder(T0.plusSeconds(1), T0.minusSeconds(1))).isEmpty();
        assertThat(repo.dueForReminder(T0.plusSeconds(1), T0)).extracting(ReviewTask::reminders).containsExactly(1);
    }

    @Test
    void events_come_back_in_append_order() {
        String a = asset(1);
        repo.append(new WorkflowEvent(a, WorkflowEvent.Kind.TRANSITION, "draft", "in_review", null, "ann", null, T0));
        repo.append(new WorkflowEvent(a, WorkflowEvent.Kind.COMMENT, null, null, null, "bob", "crop it", T0));
        repo.append(new WorkflowEvent(a, WorkflowEvent.Kind.DECISION, null, "approved", "t1", "cy", "fine", T0));
        assertThat(repo.events(a)).extracting(WorkflowEvent::kind)
                .containsExactly(WorkflowEvent.Kind.TRANSITION, WorkflowEvent.Kind.COMMENT, WorkflowEvent.Kind.DECISION);
        assertThat(repo.events(a).get(1).text()).isEqualTo("crop it");
    }

    @Test
    void concurrent_last_approvals_end_the_round_approved_exactly_once() throws Exception {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        AuditService audit = new AuditService(new JdbiAuditLog(db.handles()), db.handles(), Json.mapper(), clock);
        AtomicInteger ids = new AtomicInteger();
        Tiering tiering = new Tiering(Tiering.DEFAULT_RULES, Tiering.DEFAULT_APPROVERS,
                Map.of(1, Duration.ofDays(1), 2, Duration.ofDays(1), 3, Duration.ofDays(1)));
        WorkflowService service = new WorkflowService(repo, tiering, audit, new JdbiJobQueue(db.handles(), () -> {}), db.handles(),
                () -> "task" + ids.incrementAndGet(), clock, WorkflowListener.NONE);
        for (int round = 0; round < 5; round++) {
            String a = asset(round);
            service.setInputs(user("c", "contributor"), a, true, Set.of());
            service.transition(user("c", "contributor"), assets.find(a).orElseThrow(),
                    new WorkflowService.Transition(WorkflowState.IN_REVIEW, null, null, null));
            List<Callable<Workflow>> both = List.of(() -> approve(service, a, user("l", "legal")),
                    () -> approve(service, a, user("k", "compliance")));
            ExecutorService pool = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("approver-", 0).factory());
            List<Future<Workflow>> done = new ArrayList<>(pool.invokeAll(both));
            pool.shutdown();
            for (Future<Workflow> f : done) {
                f.get();
            }
            assertThat(repo.find(a).orElseThrow().state()).isEqualTo(WorkflowState.APPROVED);
            assertThat(repo.events(a).stream().filter(e -> "approved".equals(e.to()) && e.kind() == WorkflowEvent.Kind.TRANSITION))
                    .hasSize(1);
        }
        assertThat(audit.verify().valid()).isTrue();
    }

    private Workflow approve(WorkflowService service, String a, Principal who) {
        return service.transition(who, assets.find(a).orElseThrow(), new WorkflowService.Transition(WorkflowState.APPROVED, null, null, null));
    }

    private static Principal user(String token, String role) {
        return new Principal(token, role + " " + token, Set.of(role), Set.of());
    }
}
