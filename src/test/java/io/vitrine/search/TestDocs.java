package io.vitrine.search;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builds {@link IndexDocument}s for tests: every field defaults to empty, set only what matters. */
final class TestDocs {

    static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");

    private String id;
    private String filename = "file.bin";
    private String mediaType = "image/jpeg";
    private String status = "ready";
    private Instant createdAt = CREATED;
    private Instant capturedAt;
    private String title;
    private String description;
    private List<String> keywords = List.of();
    private String creator;
    private String cameraModel;
    private String text;
    private Map<String, String> custom = Map.of();
    private java.util.Set<String> regions = java.util.Set.of();
    private Long people;
    private java.util.Set<String> risks = java.util.Set.of();
    private String readText;

    private TestDocs(String id) {
        this.id = id;
    }

    static TestDocs doc(String id) {
        return new TestDocs(id);
    }

    TestDocs filename(String value) { filename = value; return this; }
    TestDocs mediaType(String value) { mediaType = value; return this; }
    TestDocs status(String value) { status = value; return this; }
    TestDocs createdAt(String value) { createdAt = value == null ? null : Instant.parse(value); return this; }
    TestDocs capturedAt(String value) { capturedAt = Instant.parse(value); return this; }
    TestDocs title(String value) { title = value; return this; }
    TestDocs description(String value) { description = value; return this; }
    TestDocs keywords(String... values) { keywords = List.of(values); return this; }
    TestDocs creator(String value) { creator = value; return this; }
    TestDocs cameraModel(String value) { cameraModel = value; return this; }
    TestDocs text(String value) { text = value; return this; }
    TestDocs custom(Map<String, String> value) { custom = value; return this; }
    TestDocs regions(String... values) { regions = java.util.Set.of(values); return this; }
    TestDocs people(long value) { people = value; return this; }
    TestDocs risks(String... values) { risks = java.util.Set.of(values); return this; }
    TestDocs readText(String value) { readText = value; return this; }

    IndexDocument build() {
        return new IndexDocument(id, filename, mediaType, status, 1_000L, createdAt, capturedAt, title,
                description, keywords, creator, null, null, cameraModel, text, custom, regions).withFindings(readText, people)
                .withRisks(risks);
    }
}
