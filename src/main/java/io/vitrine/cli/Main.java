package io.vitrine.cli;

/** Command-line entry point; the commands are wired in the composition root. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        throw new UnsupportedOperationException("commands land with the composition root");
    }
}
