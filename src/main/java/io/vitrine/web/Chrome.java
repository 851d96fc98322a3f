package io.vitrine.web;

/** What every signed-in page's frame needs: the signed-in name and the CSRF token for its forms. */
public record Chrome(String title, String user, String csrf) {

    static Chrome of(String title, Sessions.SignedIn who) {
        return new Chrome(title, who.principal().name(), who.session().csrf());
    }
}
