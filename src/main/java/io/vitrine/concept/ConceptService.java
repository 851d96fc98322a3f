package io.vitrine.concept;

import io.vitrine.enrich.Vocabulary;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.pipeline.Step;
import io.vitrine.pipeline.StepHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * People growing the controlled vocabulary: their own concepts (slug ids, labels per language, a
 * broader concept) and synonyms on any concept. Every change is checked (no cycle through broader,
 * no term that already names another concept in the same language), stored, swapped into the live
 * {@link Vocabulary} at once (so queries read it without a restart) and followed by a durable job that
 * re-indexes the assets whose tag words changed. Other nodes pick changes up on {@link #refresh}.
 */
public final class ConceptService {
    static final int REINDEX_BATCH = 500;

    private final ConceptRepository repo;
    private final Vocabulary vocabulary;
    private final JobQueue jobs;
    private final Clock clock;

    public ConceptService(ConceptRepository repo, Vocabulary vocabulary, JobQueue jobs, Clock clock) {
        this.repo = repo;
        this.vocabulary = vocabulary;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** A new concept as asked: {@code id} may be null (then the slug of the English label). */
    public record NewConcept(String id, String broader, Map<String, String> labels, Map<String, List<String>> synonyms) {}

    /**
     * A change: null fields stay as they are; {@code broaderGiven} with a null broader removes it;
     * labels and synonyms replace those of the languages named (an empty synonym list clears one).
     */
    public record Patch(boolean broaderGiven, String broader, Map<String, String> labels, Map<String, List<String>> synonyms) {}

    /** Re-reads people's additions from the database into the live vocabulary; returns 1 when it changed. */
    public int refresh() {
        var before = vocabulary.all();
        vocabulary.update(repo.load());
        return before.equals(vocabulary.all()) ? 0 : 1;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Vocabulary.Concept get(String id) {
        return vocabulary.concept(id == null ? "" : id).orElseThrow(() -> ConceptException.notFound(id));
    }

    /** Concepts ordered by id after {@code after}, those with a label or synonym starting with {@code q} when given. */
    public List<Vocabulary.Concept> list(String q, String after, int limit) {
        String prefix = q == null || q.isBlank() ? null : Words.fold(q);
        return vocabulary.all().stream().filter(c -> after == null || c.id().compareTo(after) > 0)
                .filter(c -> prefix == null || terms(c).stream().anyMatch(t -> Words.fold(t).startsWith(prefix)))
                .sorted(java.util.Comparator.comparing(Vocabulary.Concept::id)).limit(limit).toList();
    }

    public Vocabulary.Concept create(NewConcept n, String by) {
        Map<String, String> labels = Words.labels(n.labels() == null ? Map.of() : n.labels());
        if (labels.isEmpty()) {
            throw ConceptException.invalid("'labels' must name the concept in at least one of " + Vocabulary.LANGUAGES);
        }
        String id = n.id() != null ? n.id() : Words.slug(labels.getOrDefault("en", ""));
        if (id.isEmpty()) {
            throw ConceptException.invalid("give an 'id': without an English label there is nothing to make one from");
        }
        if (!Words.ID.matcher(id).matches()) {
            throw ConceptException.invalid("'id' must be 1 to 32 lowercase letters, digits and inner hyphens, got '"
                    + Words.abbreviate(id) + "'");
        }
        if (vocabulary.concept(id).isPresent()) {
            throw new ConceptException(ConceptException.Kind.CONFLICT, "id-taken", "concept '" + id + "' exists already"
                    + (n.id() == null ? " (the id was made from the English label; give another 'id')" : ""));
        }
        Map<String, List<String>> synonyms = Words.synonyms(n.synonyms() == null ? Map.of() : n.synonyms());
        checkBroader(id, n.broader());
        checkCollisions(id, labels, synonyms);
        repo.create(new Vocabulary.Concept(id, n.broader(), labels, synonyms, false), by, clock.instant());
        refresh();
        return get(id);
    }

    public Vocabulary.Concept update(String id, Patch p) {
        Vocabulary.Concept c = get(id);
        boolean changesConcept = p.broaderGiven() || p.labels() != null;
        if (c.shipped() && changesConcept) {
            throw new ConceptException(ConceptException.Kind.CONFLICT, "shipped", "'" + id
                    + "' is shipped with Vitrine: its labels and broader concept are fixed; add synonyms instead");
        }
        Map<String, String> labels = new LinkedHashMap<>(c.labels());
        labels.putAll(Words.labels(p.labels() == null ? Map.of() : p.labels()));
        Map<String, List<String>> synonyms = new LinkedHashMap<>(c.synonyms());
        if (p.synonyms() != null) {
            p.synonyms().forEach((lang, words) -> Words.language(lang, "synonyms"));
            p.synonyms().keySet().forEach(synonyms::remove);
            synonyms.putAll(Words.synonyms(p.synonyms()));
        }
        String broader = p.broaderGiven() ? p.broader() : c.broader();
        checkBroader(id, broader);
        checkCollisions(id, labels, synonyms);
        if (changesConcept) {
            repo.update(id, broader, labels, clock.instant());
        }
        if (p.synonyms() != null) {
            repo.replaceSynonyms(id, synonyms);
        }
        refresh();
        // a broader change moves the words of every narrower concept's assets too
        jobs.enqueue(id, new Step.ReindexConcept(), clock.instant());
        return get(id);
    }

    public void delete(String id) {
        Vocabulary.Concept c = get(id);
        if (c.shipped()) {
            throw new ConceptException(ConceptException.Kind.CONFLICT, "shipped", "'" + id + "' is shipped with Vitrine and cannot be deleted");
        }
        List<String> narrower = vocabulary.narrower(id);
        if (!narrower.isEmpty()) {
            throw new ConceptException(ConceptException.Kind.CONFLICT, "in-use", "'" + id + "' is the broader concept of "
                    + String.join(", ", narrower) + "; change or delete those first");
        }
        long tagged = repo.taggedAssets(id);
        if (tagged > 0) {
            throw new ConceptException(ConceptException.Kind.CONFLICT, "in-use", "'" + id + "' is a tag on " + tagged
                    + " asset(s) (any status); it can be deleted once no asset carries it");
        }
        repo.delete(id);
        refresh();
    }

    /** The step {@code ReindexConcept}: queues an {@code Index} for every asset tagged with the concept or one below it. */
    public StepHandler reindexStep() {
        return this::reindex;
    }

    long reindex(String concept) {
        Set<String> below = descendants(concept);
        long queued = 0;
        String after = null;
        for (List<String> ids = repo.assetsTaggedWith(below, null, REINDEX_BATCH); !ids.isEmpty();
                ids = repo.assetsTaggedWith(below, after, REINDEX_BATCH)) {
            for (String asset : ids) {
                jobs.enqueue(asset, new Step.Index(), clock.instant());
            }
            queued += ids.size();
            after = ids.getLast();
        }
        return queued;
    }

    private Set<String> descendants(String concept) {
        Set<String> out = new LinkedHashSet<>(List.of(concept));
        List<String> frontier = new ArrayList<>(out);
        while (!frontier.isEmpty()) {
            List<String> next = new ArrayList<>();
            frontier.forEach(c -> vocabulary.narrower(c).stream().filter(out::add).forEach(next::add));
            frontier = next;
        }
        return out;
    }

    private void checkBroader(String id, String broader) {
        if (broader == null) {
            return;
        }
        if (vocabulary.concept(broader).isEmpty()) {
            throw ConceptException.invalid("broader concept '" + Words.abbreviate(broader) + "' does not exist");
        }
        List<String> path = vocabulary.lineage(broader);
        if (broader.equals(id) || path.contains(id)) {
            List<String> cycle = new ArrayList<>(List.of(id));
            for (String c : path) {
                cycle.add(c);
                if (c.equals(id)) {
                    break;
                }
            }
            if (broader.equals(id)) {
                cycle.add(id);
            }
            throw new ConceptException(ConceptException.Kind.CONFLICT, "broader-cycle", "'" + broader
                    + "' as broader concept of '" + id + "' makes a cycle: " + String.join(" → ", cycle));
        }
    }

    /** Every label and synonym must name only this concept in its language (case and accents ignored). */
    private void checkCollisions(String id, Map<String, String> labels, Map<String, List<String>> synonyms) {
        Map<String, List<String>> mine = new LinkedHashMap<>();
        labels.forEach((lang, l) -> mine.computeIfAbsent(lang, k -> new ArrayList<>()).add(l));
        synonyms.forEach((lang, words) -> mine.computeIfAbsent(lang, k -> new ArrayList<>()).addAll(words));
        for (Vocabulary.Concept other : vocabulary.all()) {
            if (other.id().equals(id)) {
                continue;
            }
            mine.forEach((lang, words) -> words.forEach(w -> collision(other, lang, w).ifPresent(what -> {
                throw new ConceptException(ConceptException.Kind.CONFLICT, "label-collision",
                        "'" + w + "' (" + lang + ") is already " + what + " of concept '" + other.id() + "'");
            })));
        }
    }

    private static Optional<String> collision(Vocabulary.Concept other, String lang, String word) {
        String f = Words.fold(word);
        String label = other.labels().get(lang);
        if (label != null && Words.fold(label).equals(f)) {
            return Optional.of("the " + lang + " label");
        }
        return other.synonyms().getOrDefault(lang, List.of()).stream().anyMatch(s -> Words.fold(s).equals(f))
                ? Optional.of("an " + lang + " synonym") : Optional.empty();
    }

    private static List<String> terms(Vocabulary.Concept c) {
        List<String> out = new ArrayList<>(c.labels().values());
        c.synonyms().values().forEach(out::addAll);
        return out;
    }
}
