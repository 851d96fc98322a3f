package io.vitrine.enrich.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.time.Duration;
import java.util.Map;

/** One session run that ONNX Runtime terminates when it overstays, so a pathological input cannot hold a worker. */
final class BoundedRun {
    private BoundedRun() {}

    static OrtSession.Result run(OrtSession session, Map<String, OnnxTensor> inputs, Duration timeout, String what) throws OrtException {
        try (OrtSession.RunOptions options = new OrtSession.RunOptions()) {
            Thread watchdog = Thread.ofVirtual().name("onnx-watchdog").start(() -> {
                try {
                    Thread.sleep(timeout);
                    options.setTerminate(true);
                } catch (InterruptedException | OrtException | RuntimeException e) {
                    // finished in time (interrupted) or the options are already closed
                }
            });
            try {
                return session.run(inputs, options);
            } catch (OrtException e) {
                if (!watchdog.isAlive()) {
                    throw new OrtException(what + " did not finish within " + timeout.toMillis() + " ms");
                }
                throw e;
            } finally {
                watchdog.interrupt();
            }
        }
    }
}
