package io.vitrine.enrich.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import io.vitrine.enrich.Transcriber;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhisperSegmentsTest {
    @Test
    void times_stay_within_the_heard_audio_and_in_order_and_confidence_is_the_token_probability() {
        var heard = new WhisperModel.Heard(List.of(
                new WhisperModel.RawSegment(0, 250, " the quick brown fox", 0.91),
                new WhisperModel.RawSegment(200, 3000, "  jumps over\tthe lazy dog ", 0.6),
                new WhisperModel.RawSegment(3000, 3000, " ", 0.2)), "en");
        Transcriber.Transcript t = WhisperSegments.transcript(heard, 4.2, false).orElseThrow();
        assertThat(t.segments()).containsExactly(new Transcriber.Segment(0, 2.5, "the quick brown fox", 0.91),
                new Transcriber.Segment(2.0, 4.2, "jumps over the lazy dog", 0.6));
        assertThat(t.content()).isEqualTo("the quick brown fox\njumps over the lazy dog");
        assertThat(t.confidence()).isEqualTo((0.91 * 4 + 0.6 * 5) / 9, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(t.language()).isEqualTo("en");
    }

    @Test
    void a_repetition_loop_scores_zero_however_sure_whisper_was_of_it() {
        String loop = String.join(" ", java.util.Collections.nCopies(40, "tok13"));
        var heard = new WhisperModel.Heard(List.of(new WhisperModel.RawSegment(0, 500, loop, 0.98)), "br");
        assertThat(WhisperSegments.transcript(heard, 5, true).orElseThrow()).satisfies(t -> {
            assertThat(t.confidence()).isZero();
            assertThat(t.truncated()).isTrue();
        });
        assertThat(WhisperSegments.loop("our new coffee tastes great and costs less than ever before")).isFalse();
    }

    @Test
    void only_blank_segments_are_no_transcript() {
        var heard = new WhisperModel.Heard(List.of(new WhisperModel.RawSegment(0, 100, "  ", 0.5)), null);
        assertThat(WhisperSegments.transcript(heard, 1, false)).isEmpty();
    }
}
