package io.vitrine.web;

import java.util.List;

/** View models of the vocabulary pages: the concept list with its "new concept" form, one concept, teaching from examples. */
public final class ConceptPages {
    private ConceptPages() {}

    /** A concept as the list shows it, in the person's language; {@code others} are its labels in the other languages. */
    public record Row(String id, String label, List<String> others, List<String> synonyms, Option broader, boolean shipped,
            String fewShot) {}

    public record Option(String id, String label) {}

    /** One language's inputs, as stored or as typed ({@code synonyms} comma-separated). */
    public record LanguageField(String lang, String name, String label, String synonyms) {}

    /** What was typed into a concept form, kept when the service refuses it. */
    public record Form(String id, String broader, List<LanguageField> languages) {}

    /**
     * Why the service refused a change, shown beside the form: a title, its precise message and,
     * when the message names another concept (a label collision), that concept to open.
     */
    public record Problem(String type, String title, String detail, Option other) {}

    public record ListPage(Chrome chrome, String lang, String q, List<Row> rows, String nextUrl, boolean canManage, Form form,
            Problem problem, List<Option> concepts, String notice) {

        public String languageName() {
            return ConceptForms.name(lang);
        }
    }

    public record DetailPage(Chrome chrome, String id, String label, boolean shipped, Option broader, List<Option> narrower,
            List<LanguageField> words, Form form, boolean canManage, Problem problem, String notice, Teaching teaching,
            List<Option> concepts, String searchUrl) {}

    /**
     * The concept's few-shot state: {@code status} none, queued, running, done or failed; {@code pending}
     * while the library run has not finished (the section then asks again by itself).
     */
    public record Teaching(String conceptId, String label, String status, int version, int tagged, int positives, int negatives,
            String error, String taughtBy, String taughtAt, String searchUrl, boolean pending, boolean canTeach) {

        public String taggedText() {
            return tagged == 1 ? "1 asset now carries" : tagged + " assets now carry";
        }

        public String examplesText() {
            String pos = positives == 1 ? "1 example" : positives + " examples";
            return negatives == 0 ? pos : pos + " and " + negatives + (negatives == 1 ? " counter-example" : " counter-examples");
        }
    }

    /** A selected asset on the teaching page and what it is for the concept: positive, negative or skip. */
    public record Example(LibraryPage.Tile tile, String role) {}

    public record TeachPage(Chrome chrome, List<Example> examples, List<Option> concepts, String concept, String newLabel,
            Problem problem, int missing) {}
}
