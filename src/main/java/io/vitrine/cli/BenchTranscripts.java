package io.vitrine.cli;

import io.vitrine.Models;
import io.vitrine.config.ConfigLoader;
import io.vitrine.config.VitrineConfig;
import io.vitrine.enrich.Transcriber;
import io.vitrine.enrich.bench.SpokenText;
import io.vitrine.enrich.process.PocketsphinxTranscriber;
import io.vitrine.storage.FileTrees;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Transcript word accuracy (1 − WER) and real-time factor (processing seconds per second of audio,
 * ffmpeg decode included) of every recognizer this node can run — whisper.cpp on the configured or
 * best installed whisper model, and pocketsphinx — on English sentences spoken by espeak-ng, each
 * alone and all of them repeated into one longer file, which is where the real-time factor is steady.
 */
@Command(name = "transcripts", description = "Transcript word accuracy and real-time factor of whisper (when a whisper model is "
        + "installed) and pocketsphinx on espeak-ng speech (needs espeak-ng).")
final class BenchTranscripts implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--repeat", description = "how many times the sentences are repeated in the long file (default: 6)")
    int repeat = 6;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        VitrineConfig config = ConfigLoader.load(System.getenv());
        VitrineConfig.Transcripts c = config.enrich().transcripts();
        Path work = Files.createTempDirectory("vitrine-bench-transcripts");
        try (var whisper = Models.whisper(config, Models.modelStore(config), work.resolve("tmp"))) {
            if (!SpokenText.available()) {
                out.println("transcripts: espeak-ng not installed (scripts/install-deps --tests)");
                return 0;
            }
            List<SpokenText.Sample> samples = SpokenText.generate(work);
            var pocketsphinx = new PocketsphinxTranscriber(c.pocketsphinx(), c.ffmpeg(), c.limit(), c.timeout(), work.resolve("tmp"));
            for (Transcriber t : List.of(whisper, pocketsphinx)) {
                if (t.unavailable().isPresent()) {
                    out.println("transcripts " + t.model() + ": off, " + t.unavailable().get());
                    continue;
                }
                bench(t, samples, work, out);
            }
        } finally {
            FileTrees.delete(work);
        }
        out.flush();
        return 0;
    }

    private void bench(Transcriber t, List<SpokenText.Sample> samples, Path work, PrintWriter out) throws Exception {
        out.printf(Locale.ROOT, "transcripts %s %s (%s quality), voice %s at %d words/min%n", t.model(), t.modelVersion(), t.quality(),
                SpokenText.VOICE, SpokenText.WORDS_PER_MINUTE);
        double sum = 0;
        for (SpokenText.Sample s : samples) {
            sum += run(t, s.wav(), s.text(), out);
        }
        out.printf(Locale.ROOT, "  %-34s %.3f over %d sentences%n", "mean word accuracy", sum / samples.size(), samples.size());
        String all = String.join(". ", java.util.Collections.nCopies(repeat, String.join(". ", SpokenText.SENTENCES)));
        Path long_ = work.resolve("long.wav");
        run(t, Files.exists(long_) ? long_ : SpokenText.speak(all, long_), all, out);
    }

    private static double run(Transcriber t, Path wav, String said, PrintWriter out) throws Exception {
        long start = System.nanoTime();
        Transcriber.Transcript heard = t.transcribe(wav).orElse(null);
        double secs = (System.nanoTime() - start) / 1e9;
        double audio = heard == null ? 0 : heard.seconds();
        double acc = SpokenText.wordAccuracy(said, heard == null ? "" : heard.content());
        String label = said.length() <= 34 ? said : said.substring(0, 31) + "...";
        out.printf(Locale.ROOT, "  %-34s %.3f word accuracy, %.1f s audio in %.2f s = %.2f× real time, confidence %.2f%n", label, acc,
                audio, secs, audio == 0 ? 0 : secs / audio, heard == null ? 0 : heard.confidence());
        if (heard != null && said.length() <= 80) {
            out.println("    heard: " + abbreviated(heard.content().replace('\n', ' ')));
        }
        return acc;
    }

    private static String abbreviated(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }
}
