package io.vitrine.web;

import io.vitrine.auth.Permission;

/**
 * What every signed-in page's frame needs: the signed-in name, the CSRF token for its forms, whether
 * she may see approval state (the asset page loads its approval card only then) and whether she may
 * manage the vocabulary (the library offers selecting assets to teach a concept only then) and
 * whether she administers people (the header links the groups pages only then).
 */
public record Chrome(String title, String user, String csrf, boolean canReadWorkflow, boolean canManageConcepts,
        boolean canManageUsers) {

    static Chrome of(String title, Sessions.SignedIn who) {
        return new Chrome(title, who.principal().name(), who.session().csrf(), who.principal().can(Permission.WORKFLOW_READ),
                who.principal().can(Permission.CONCEPT_MANAGE), who.principal().can(Permission.USER_MANAGE));
    }
}
