package io.vitrine;

import io.vitrine.common.Periodic;
import io.vitrine.concept.ConceptRepository;
import io.vitrine.concept.ConceptService;
import io.vitrine.concept.FewShot;
import io.vitrine.concept.jdbc.JdbiConceptRepository;
import io.vitrine.db.jdbi.Handles;
import io.vitrine.embed.EmbeddingRepository;
import io.vitrine.embed.EmbeddingService;
import io.vitrine.embed.jdbc.JdbiEmbeddingRepository;
import io.vitrine.enrich.Vocabulary;
import io.vitrine.events.Events;
import io.vitrine.language.QueryInterpreter;
import io.vitrine.pipeline.JobQueue;
import io.vitrine.search.SearchService;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.LoggerFactory;

/**
 * People's concepts and few-shot concepts in the composition root: the live vocabulary (loaded at
 * start, re-read every {@link #REFRESH} so other nodes' changes arrive), the query reader rebuilt on
 * every vocabulary change, and the tagging step's image embeddings scored against taught prototypes.
 */
final class ConceptModule implements AutoCloseable {
    static final Duration REFRESH = Duration.ofSeconds(30);

    final ConceptService concepts;
    final FewShot fewShot;
    private final Periodic refresh;

    /** {@code fewShotPage}: candidates a few-shot library run reads from the index at a time. */
    ConceptModule(Handles handles, EnrichmentModule enrichment, SearchService search, JobQueue jobs, Events events, Clock clock,
            int fewShotPage) {
        ConceptRepository repo = new JdbiConceptRepository(handles);
        Vocabulary vocabulary = enrichment.service.vocabulary();
        concepts = new ConceptService(repo, vocabulary, jobs, clock);
        concepts.refresh();
        // queries in the languages of the loaded text spaces (en, zh) are embedded as typed, others as English labels
        Set<String> embedded = enrichment.embeddings.map(EmbeddingService::languages).orElse(Set.of("en"));
        AtomicReference<QueryInterpreter> reader = new AtomicReference<>(interpreter(vocabulary, embedded));
        vocabulary.onChange(() -> reader.set(interpreter(vocabulary, embedded)));
        search.useInterpretation(text -> reader.get().interpret(text));
        EmbeddingRepository vectors = new JdbiEmbeddingRepository(handles);
        fewShot = new FewShot(repo, concepts, enrichment.thresholds::of, id -> imageVector(vectors, id),
                search::within, jobs, handles, events, clock, fewShotPage);
        enrichment.steps.storeImageEmbeddings((id, space, vector, sha) -> {
            vectors.put(id, space, vector, sha);
            try {
                fewShot.score(id, space, vector);
            } catch (RuntimeException e) {
                // scoring against taught concepts is a further draft; it must not cost the asset its tags
                LoggerFactory.getLogger(ConceptModule.class).warn("few-shot scoring of {} failed: {}", id, e.toString());
            }
        });
        refresh = new Periodic("vitrine-vocabulary", REFRESH, concepts::refresh);
    }

    private static QueryInterpreter interpreter(Vocabulary vocabulary, Set<String> embedded) {
        return new QueryInterpreter(vocabulary.terms(), embedded, true);
    }

    private static java.util.Optional<Map.Entry<String, float[]>> imageVector(EmbeddingRepository vectors, String assetId) {
        return vectors.vectors(assetId).entrySet().stream().filter(e -> e.getKey().startsWith(EmbeddingService.IMAGE))
                .sorted(Map.Entry.comparingByKey()).findFirst();
    }

    @Override
    public void close() {
        refresh.close();
    }
}
