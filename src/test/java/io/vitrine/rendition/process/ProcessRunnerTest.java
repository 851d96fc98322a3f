package io.vitrine.rendition.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {
    @TempDir
    Path dir;

    @Test
    void kills_a_tool_that_runs_past_its_timeout() {
        var runner = new ProcessRunner(Duration.ofMillis(300));
        long start = System.nanoTime();

        assertThatThrownBy(() -> runner.run(List.of("sleep", "30"), dir))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("sleep did not finish");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void passes_arguments_verbatim_without_a_shell() throws Exception {
        var result = new ProcessRunner(Duration.ofSeconds(10)).run(List.of("echo", "$(id); rm -rf x"), dir);

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).isEqualTo("$(id); rm -rf x\n");
    }

    @Test
    void captures_stderr_as_the_reason() throws Exception {
        var result = new ProcessRunner(Duration.ofSeconds(10)).run(List.of("ls", dir.resolve("missing").toString()), dir);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.reason()).contains("No such file");
    }
}
