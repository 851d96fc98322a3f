package io.vitrine.search.lucene;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * After Chinese word segmentation, also emits each character of a multi-character word at the
 * word's position. Segmentation of a short query and of a label often disagree on word edges:
 * "湖上" (on the lake) against the label "湖泊" (lake), "树上" (in the tree) against "树" (tree). The
 * whole word still matches best (it is rarer); a character alone keeps such a query from missing.
 */
final class HanCharacterFilter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final Deque<String> pending = new ArrayDeque<>();
    private State word;

    HanCharacterFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!pending.isEmpty()) {
            restoreState(word);
            term.setEmpty().append(pending.poll());
            position.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String w = term.toString();
        if (w.codePointCount(0, w.length()) > 1 && w.codePoints().allMatch(HanCharacterFilter::han)) {
            w.codePoints().forEach(c -> pending.add(Character.toString(c)));
            word = captureState();
        }
        return true;
    }

    private static boolean han(int c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending.clear();
        word = null;
    }
}
