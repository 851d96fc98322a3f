package io.vitrine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrine.api.Governance;
import io.vitrine.asset.AssetService;
import io.vitrine.asset.Ids;
import io.vitrine.audit.AuditService;
import io.vitrine.audit.jdbc.JdbiAuditLog;
import io.vitrine.auth.AuthService;
import io.vitrine.auth.UserService;
import io.vitrine.auth.jdbc.JdbiUserRepository;
import io.vitrine.config.VitrineConfig;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.events.Events;
import io.vitrine.lifecycle.LifecycleService;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.rights.DeliveryUrls;
import io.vitrine.rights.LicenceRepository;
import io.vitrine.rights.LicenceService;
import io.vitrine.rights.SigningKey;
import io.vitrine.rights.jdbc.JdbiLicenceRepository;
import io.vitrine.workflow.Approvals;
import io.vitrine.workflow.Reminders;
import io.vitrine.workflow.ReviewQueue;
import io.vitrine.workflow.Tiering;
import io.vitrine.workflow.WorkflowListener;
import io.vitrine.workflow.WorkflowRepository;
import io.vitrine.workflow.WorkflowService;
import io.vitrine.workflow.jdbc.JdbiWorkflowRepository;
import java.time.Clock;
import java.util.function.Supplier;

/** The governance part of the composition root: users, licences, signed links, lifecycle, audit, collections, approvals. */
final class GovernanceModule {
    private GovernanceModule() {}

    record Parts(VitrineConfig config, Handles handles, AuthService auth, io.vitrine.auth.GroupService groups, AssetService assets, JobQueue jobs, Events events,
            ObjectMapper json, Clock clock) {}

    static Governance build(Parts p) {
        Ids ids = new Ids();
        Supplier<String> newId = () -> ids.next(p.clock().instant());
        LicenceRepository licences = new JdbiLicenceRepository(p.handles());
        byte[] key = SigningKey.resolve(p.config().signingKey(), p.config().dataDir().resolve("keys").resolve("signing.key"));
        AuditService audit = new AuditService(new JdbiAuditLog(p.handles()), p.handles(), p.json(), p.clock());
        Approvals approvals = approvals(p, audit, newId);
        return new Governance(new UserService(new JdbiUserRepository(p.handles()), p.auth(), newId, p.clock()),
                new LicenceService(licences, newId, p.clock(), p.handles(), p.events()), new DeliveryUrls(key, p.clock()),
                new LifecycleService(new io.vitrine.lifecycle.jdbc.JdbiLifecycleRepository(p.handles()), licences, p.assets(),
                        approvals.workflow(), p.clock(), p.handles(), p.events(), new io.vitrine.lifecycle.ExpiryWarnings(licences,
                                new io.vitrine.notification.jdbc.JdbiNotificationRepository(p.handles(), p.json()), p.events(), p.handles(),
                                newId, p.config().workflow().expiryWarningDays())),
                audit, sharing(p, newId), approvals, p.groups());
    }

    private static Governance.Sharing sharing(Parts p, Supplier<String> newId) {
        Handles handles = p.handles();
        Clock clock = p.clock();
        var repo = new io.vitrine.collection.jdbc.JdbiCollectionRepository(handles);
        var collections = new io.vitrine.collection.CollectionService(repo, newId, clock,
                (assets, at) -> assets.forEach(a -> p.jobs().enqueue(a, new io.vitrine.pipeline.Step.Index(), at)), handles)
                .useEvents(p.events());
        return new Governance.Sharing(collections, new io.vitrine.collection.ShareLinkService(repo, collections, newId, clock));
    }

    private static Approvals approvals(Parts p, AuditService audit, Supplier<String> newId) {
        VitrineConfig.Workflow w = p.config().workflow();
        Tiering tiering = w.rulesFile() == null
                ? new Tiering(Tiering.DEFAULT_RULES, Tiering.DEFAULT_APPROVERS, w.reviewTime())
                : Tiering.load(w.rulesFile(), p.json(), w.reviewTime());
        WorkflowRepository repo = new JdbiWorkflowRepository(p.handles());
        WorkflowService service = new WorkflowService(repo, tiering, audit, p.jobs(), p.handles(), newId, p.clock(), WorkflowListener.NONE);
        service.useEvents(p.events());
        return new Approvals(service, new ReviewQueue(repo), new Reminders(service, p.clock(), w.remindAgainAfter()));
    }
}
