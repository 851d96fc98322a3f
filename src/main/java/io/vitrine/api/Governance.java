package io.vitrine.api;

import io.vitrine.audit.AuditService;
import io.vitrine.auth.UserService;
import io.vitrine.rights.DeliveryUrls;
import io.vitrine.rights.LicenceService;
import io.vitrine.lifecycle.LifecycleService;

/** The governance services the HTTP API needs, passed as one so the API's constructor stays short. */
public record Governance(UserService users, LicenceService licences, DeliveryUrls deliveryUrls, LifecycleService lifecycle,
        AuditService audit, Sharing sharing, io.vitrine.workflow.Approvals approvals,
        io.vitrine.auth.GroupService groups) {

    /** Collections and their share links. */
    public record Sharing(io.vitrine.collection.CollectionService collections, io.vitrine.collection.ShareLinkService links) {}
}
