package io.vitrine.rendition.vips;

/** A libvips call failed; the message is libvips' own error text. */
final class VipsException extends Exception {
    VipsException(String message) {
        super(message);
    }
}
