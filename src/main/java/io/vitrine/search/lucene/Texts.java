package io.vitrine.search.lucene;

/** String helpers that never split a surrogate pair. */
final class Texts {

    private Texts() {}

    static String truncate(String text, int maxChars) {
        if (text.length() <= maxChars) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, end);
    }
}
