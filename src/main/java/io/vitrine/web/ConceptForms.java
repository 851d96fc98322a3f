package io.vitrine.web;

import io.javalin.http.Context;
import io.vitrine.concept.ConceptException;
import io.vitrine.enrich.Vocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and showing the concept forms: a label and comma-separated synonyms per language, the
 * person's language first; and the service's refusals turned into messages beside the form.
 */
final class ConceptForms {
    private static final Map<String, String> NAMES = Map.of("en", "English", "zh", "中文 (Chinese)", "es", "Español (Spanish)",
            "pt", "Português (Portuguese)", "de", "Deutsch (German)", "fr", "Français (French)");
    private static final Pattern OTHER = Pattern.compile("of concept '([a-z0-9-]{1,32})'");
    /** A form field longer than this is not a label or a list of synonyms (the service's own limits are smaller). */
    private static final int MAX_FIELD = 4000;

    private ConceptForms() {}

    /** The UI language: {@code ?lang=}, then the browser's Accept-Language, then English (as the API reads it). */
    static String language(Context ctx) {
        return Vocabulary.pickLanguage(ctx.queryParam("lang"), ctx.header("Accept-Language"));
    }

    static List<String> languages(String first) {
        List<String> out = new ArrayList<>(List.of(first));
        Vocabulary.LANGUAGES.stream().filter(l -> !l.equals(first)).forEach(out::add);
        return out;
    }

    static String name(String lang) {
        return NAMES.getOrDefault(lang, lang);
    }

    /** An empty form, or one showing what the concept holds now. */
    static ConceptPages.Form of(Vocabulary.Concept c, String lang) {
        List<ConceptPages.LanguageField> fields = languages(lang).stream().map(l -> new ConceptPages.LanguageField(l, name(l),
                c == null ? "" : c.labels().getOrDefault(l, ""),
                c == null ? "" : String.join(", ", c.synonyms().getOrDefault(l, List.of())))).toList();
        return new ConceptPages.Form(c == null ? "" : c.id(), c == null || c.broader() == null ? "" : c.broader(), fields);
    }

    /** What was typed, to show again beside a refusal. */
    static ConceptPages.Form typed(Context ctx, String lang) {
        List<ConceptPages.LanguageField> fields = languages(lang).stream().map(l -> new ConceptPages.LanguageField(l, name(l),
                field(ctx, "label-" + l), field(ctx, "synonyms-" + l))).toList();
        return new ConceptPages.Form(field(ctx, "id"), field(ctx, "broader"), fields);
    }

    /** Labels typed, languages left blank omitted. */
    static Map<String, String> labels(Context ctx) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : Vocabulary.LANGUAGES) {
            String v = field(ctx, "label-" + l).strip();
            if (!v.isEmpty()) {
                out.put(l, v);
            }
        }
        return out;
    }

    /** Synonyms per language of the form (an emptied field clears that language's synonyms). */
    static Map<String, List<String>> synonyms(Context ctx) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String l : Vocabulary.LANGUAGES) {
            if (ctx.formParam("synonyms-" + l) != null) {
                out.put(l, Arrays.stream(field(ctx, "synonyms-" + l).split("[,;\\n]")).map(String::strip).filter(s -> !s.isEmpty())
                        .distinct().toList());
            }
        }
        return out;
    }

    /** A form field, blank when absent; an absurdly long one is refused before anything reads it. */
    static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v != null && v.length() > MAX_FIELD) {
            throw new ConceptException(ConceptException.Kind.INVALID, "invalid", "'" + name + "' is too long");
        }
        return v == null ? "" : v;
    }

    /** Every concept by its label in {@code lang}, for choosing a broader concept or the concept to teach. */
    static List<ConceptPages.Option> options(Vocabulary v, String lang) {
        return v.all().stream().map(c -> new ConceptPages.Option(c.id(), v.label(c.id(), lang)))
                .sorted(Comparator.comparing((ConceptPages.Option o) -> o.label().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(ConceptPages.Option::id))
                .toList();
    }

    /**
     * The status of a refused form: the API's (409, 400) for a plain form post; 200 for htmx, which
     * swaps only successful answers into the page (the refusal is in the page, marked {@code data-problem}).
     */
    static int refusal(Context ctx, ConceptException e) {
        return ctx.header("HX-Request") != null ? 200 : status(e);
    }

    static int status(ConceptException e) {
        return switch (e.kind()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case CONFLICT -> 409;
        };
    }

    /** The service's message, under a title that says in words what kind of refusal it is. */
    static ConceptPages.Problem problem(ConceptException e, Vocabulary v, String lang) {
        String title = switch (e.type()) {
            case "label-collision" -> "That word already names another concept";
            case "broader-cycle" -> "That broader concept would make a loop";
            case "shipped" -> "Concepts shipped with Vitrine keep their labels and broader concept";
            case "in-use" -> "This concept is still in use";
            case "id-taken" -> "That id is taken";
            case "no-embedding" -> "Some examples cannot be compared yet";
            case "mixed-embeddings" -> "The examples were analysed by different models";
            case "unknown-assets" -> "Some selected assets are not available";
            case "not-found" -> "No such concept";
            default -> "Please check the form";
        };
        ConceptPages.Option other = null;
        Matcher m = OTHER.matcher(String.valueOf(e.getMessage()));
        if (e.type().equals("label-collision") && m.find() && v.concept(m.group(1)).isPresent()) {
            other = new ConceptPages.Option(m.group(1), v.label(m.group(1), lang));
        }
        return new ConceptPages.Problem(e.type(), title, e.getMessage(), other);
    }
}
