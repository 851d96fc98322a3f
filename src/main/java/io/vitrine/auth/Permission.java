package io.vitrine.auth;

/** What a route needs; {@code apiName} is what a 403 names. */
public enum Permission {
    ASSET_READ("asset.read"),
    ORIGINAL_DOWNLOAD("asset.download.original"),
    RENDITION_DOWNLOAD("asset.download.rendition"),
    ASSET_UPLOAD("asset.upload"),
    METADATA_EDIT("asset.metadata.edit"),
    ASSET_RESTRICT("asset.regions.edit"),
    ASSET_DELETE("asset.delete"),
    LICENCE_READ("licence.read"),
    LICENCE_MANAGE("licence.manage"),
    DELIVERY_URL_CREATE("delivery-url.create"),
    USER_MANAGE("user.manage"),
    AUDIT_READ("audit.read"),
    ANALYTICS_READ("analytics.read"),
    LIFECYCLE_RUN("lifecycle.run"),
    COLLECTION_READ("collection.read"),
    COLLECTION_EDIT("collection.edit"),
    SHARE_LINK_CREATE("share-link.create"),
    WORKFLOW_READ("workflow.read"),
    WORKFLOW_COMMENT("workflow.comment"),
    WORKFLOW_SUBMIT("workflow.submit"),
    WORKFLOW_REVIEW("workflow.review"),
    WORKFLOW_PUBLISH("workflow.publish"),
    DUPLICATES_SCAN("duplicates.scan"),
    EVENTS_READ("events.read"),
    WEBHOOK_MANAGE("webhook.manage"),
    INDEX_REBUILD("index.rebuild"),
    CONCEPT_MANAGE("concept.manage");

    private final String apiName;

    Permission(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }
}
