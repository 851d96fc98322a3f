package io.vitrine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.db.Database;
import io.vitrine.db.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2JobQueueTest extends JobQueueContract {
    private Path dataDir;

    @Override
    protected Database freshDatabase(int poolSize) {
        dataDir = TestDatabases.tempFolder("vitrine-jobs-");
        return TestDatabases.h2At(dataDir, poolSize);
    }

    @Test
    void queued_running_and_failed_jobs_survive_closing_and_reopening_the_file_database() {
        queue.enqueue("queued", new Step.ExtractMetadata(), T0);
        queue.enqueue("running", new Step.MakeRenditions(), T0.minusSeconds(1));
        queue.enqueue("failed", new Step.Index(), T0.minusSeconds(2));
        Job failed = queue.claim("w", T0, LEASE).orElseThrow();
        queue.fail(failed, "parked");
        Job running = queue.claim("w", T0, LEASE).orElseThrow();
        assertThat(running.assetId()).isEqualTo("running");
        db.close();

        db = TestDatabases.h2At(dataDir, 2);
        queue = newQueue(db);

        assertThat(queue.pending()).isEqualTo(2);
        assertThat(queue.claim("w2", T0, LEASE)).hasValueSatisfying(j -> assertThat(j.assetId()).isEqualTo("queued"));
        Job recovered = queue.claim("w2", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
        assertThat(recovered.assetId()).as("the dead worker's job comes back after its lease").isEqualTo("running");
        assertThat(recovered.attempts()).isEqualTo(2);
    }
}
