package io.vitrine.auth;

import static io.vitrine.auth.Permission.ANALYTICS_READ;
import static io.vitrine.auth.Permission.ASSET_DELETE;
import static io.vitrine.auth.Permission.ASSET_READ;
import static io.vitrine.auth.Permission.ASSET_RESTRICT;
import static io.vitrine.auth.Permission.ASSET_UPLOAD;
import static io.vitrine.auth.Permission.AUDIT_READ;
import static io.vitrine.auth.Permission.COLLECTION_EDIT;
import static io.vitrine.auth.Permission.CONCEPT_MANAGE;
import static io.vitrine.auth.Permission.COLLECTION_READ;
import static io.vitrine.auth.Permission.DELIVERY_URL_CREATE;
import static io.vitrine.auth.Permission.EVENTS_READ;
import static io.vitrine.auth.Permission.LICENCE_MANAGE;
import static io.vitrine.auth.Permission.LICENCE_READ;
import static io.vitrine.auth.Permission.METADATA_EDIT;
import static io.vitrine.auth.Permission.SHARE_LINK_CREATE;
import static io.vitrine.auth.Permission.ORIGINAL_DOWNLOAD;
import static io.vitrine.auth.Permission.RENDITION_DOWNLOAD;
import static io.vitrine.auth.Permission.WORKFLOW_COMMENT;
import static io.vitrine.auth.Permission.WORKFLOW_PUBLISH;
import static io.vitrine.auth.Permission.WORKFLOW_READ;
import static io.vitrine.auth.Permission.WORKFLOW_REVIEW;
import static io.vitrine.auth.Permission.WORKFLOW_SUBMIT;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The role → permission table, in one place. Roles only add permissions; which assets a user sees
 * is decided by her regions ({@link Principal#sees}), never by her role, except that an admin sees
 * everything.
 */
public enum Role {
    ADMIN(EnumSet.allOf(Permission.class)),
    LIBRARIAN(EnumSet.of(ASSET_READ, ORIGINAL_DOWNLOAD, RENDITION_DOWNLOAD, ASSET_UPLOAD, METADATA_EDIT,
            ASSET_RESTRICT, ASSET_DELETE, LICENCE_READ, LICENCE_MANAGE, DELIVERY_URL_CREATE, ANALYTICS_READ,
            WORKFLOW_READ, WORKFLOW_COMMENT, WORKFLOW_SUBMIT, WORKFLOW_REVIEW, WORKFLOW_PUBLISH,
            COLLECTION_READ, COLLECTION_EDIT, SHARE_LINK_CREATE, EVENTS_READ, CONCEPT_MANAGE)),
    CONTRIBUTOR(EnumSet.of(ASSET_READ, ORIGINAL_DOWNLOAD, RENDITION_DOWNLOAD, ASSET_UPLOAD, METADATA_EDIT, COLLECTION_READ,
            COLLECTION_EDIT, WORKFLOW_READ, WORKFLOW_COMMENT, WORKFLOW_SUBMIT, EVENTS_READ)),
    REVIEWER(EnumSet.of(ASSET_READ, ORIGINAL_DOWNLOAD, RENDITION_DOWNLOAD, LICENCE_READ, COLLECTION_READ, COLLECTION_EDIT,
            WORKFLOW_READ, WORKFLOW_COMMENT, WORKFLOW_REVIEW, EVENTS_READ)),
    LEGAL(EnumSet.of(ASSET_READ, ORIGINAL_DOWNLOAD, RENDITION_DOWNLOAD, METADATA_EDIT, ASSET_RESTRICT,
            LICENCE_READ, LICENCE_MANAGE, DELIVERY_URL_CREATE, AUDIT_READ, COLLECTION_READ, COLLECTION_EDIT, SHARE_LINK_CREATE,
            WORKFLOW_READ, WORKFLOW_COMMENT, WORKFLOW_REVIEW, EVENTS_READ)),
    // regulatory sign-off (tier-3 reviews, with legal): sees, reviews and audits, changes nothing else
    COMPLIANCE(EnumSet.of(ASSET_READ, ORIGINAL_DOWNLOAD, RENDITION_DOWNLOAD, LICENCE_READ, AUDIT_READ, COLLECTION_READ,
            WORKFLOW_READ, WORKFLOW_COMMENT, WORKFLOW_REVIEW, EVENTS_READ)),
    CONSUMER(EnumSet.of(ASSET_READ, ORIGINAL_DOWNLOAD, RENDITION_DOWNLOAD, DELIVERY_URL_CREATE, COLLECTION_READ, COLLECTION_EDIT,
            SHARE_LINK_CREATE, EVENTS_READ)),
    // partners outside the company: renditions only, never the master file; they see collections shared with them,
    // not the live feed of internal work. Webhooks (webhook.manage) stay with admins: a subscription sees every region
    EXTERNAL(EnumSet.of(ASSET_READ, RENDITION_DOWNLOAD, COLLECTION_READ));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> byApiName(String name) {
        return Arrays.stream(values()).filter(r -> r.apiName().equals(name)).findFirst();
    }
}
