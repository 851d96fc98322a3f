package io.vitrine.web;

import java.util.List;

/**
 * The detail page. Metadata comes in named groups so later capabilities (AI tags, rights,
 * workflow) add a group or a section without changing the others.
 */
public record AssetPage(
        Chrome chrome,
        String id,
        String name,
        String kind,
        String status,
        String statusReason,
        Preview preview,
        Editable editable,
        List<Group> groups,
        List<VersionRow> versions,
        List<RenditionRow> renditions,
        String saved,
        AiTags aiTags) {

    /**
     * AI tags as reviewable chips: {@code status} draft / accepted / rejected; {@code canDecide} when
     * the user may accept or reject them; {@code note} explains an empty list (no model yet, failed);
     * {@code findings}: faces, text read and the caption draft, one line each; {@code faces}: each
     * detected face to confirm or reject.
     */
    public record AiTags(List<TagChip> chips, boolean canDecide, String note, List<String> findings, List<FaceChip> faces,
            Risks risks) {
        static final AiTags NONE = new AiTags(List.of(), false, null, List.of(), List.of());

        public AiTags(List<TagChip> chips, boolean canDecide, String note) {
            this(chips, canDecide, note, List.of(), List.of());
        }

        public AiTags(List<TagChip> chips, boolean canDecide, String note, List<String> findings, List<FaceChip> faces) {
            this(chips, canDecide, note, findings, faces, null);
        }

        AiTags withRisks(Risks r) {
            return new AiTags(chips, canDecide, note, findings, faces, r);
        }
    }

    /**
     * The asset's content risk flags; {@code canDecide} when the user may accept or reject them
     * ({@code workflow.review}). Null when the server runs without the risk step.
     */
    public record Risks(List<RiskChip> flags, boolean canDecide) {}

    /**
     * One risk flag: {@code status} draft / accepted (the risk is real) / rejected (it no longer
     * counts); {@code raised} whether it counts for review and search now; {@code source} what it
     * rests on (a model's output, or what the file declares); {@code evidence} as the step wrote it,
     * personal data already masked.
     */
    public record RiskChip(String flag, String label, int confidencePercent, String status, boolean raised, String source,
            String model, List<String> evidence) {}

    /** A detected face: {@code status} draft / accepted (a real face) / rejected (not a face). */
    public record FaceChip(int number, int confidencePercent, String status) {}

    public record TagChip(String concept, String label, int confidencePercent, String status, String model) {}

    /** {@code imageUrl} is a still (photo, page, poster, waveform); {@code mediaUrl} a playable file. */
    public record Preview(String imageUrl, String zoomUrl, String mediaUrl, String downloadUrl) {}

    public record Field(String label, String value, String source) {}

    public record Group(String id, String title, List<Field> fields) {}

    /** The fields a person edits inline; their sources say whether a person already set them. */
    public record Editable(String title, String titleSource, String description, String descriptionSource,
            String keywords, String keywordsSource) {}

    public record VersionRow(int version, String filename, String size, String createdAt, boolean current) {}

    public record RenditionRow(String name, String mediaType, String dimensions, String size, String url) {}

    public boolean badge() {
        return !"ready".equals(status);
    }
}
