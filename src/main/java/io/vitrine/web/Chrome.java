package io.vitrine.web;

/**
 * What every signed-in page's frame needs: the signed-in name, the CSRF token for its forms, and
 * whether she may see approval state (the asset page loads its approval card only then).
 */
public record Chrome(String title, String user, String csrf, boolean canReadWorkflow) {

    static Chrome of(String title, Sessions.SignedIn who) {
        return new Chrome(title, who.principal().name(), who.session().csrf(),
                who.principal().can(io.vitrine.auth.Permission.WORKFLOW_READ));
    }
}
