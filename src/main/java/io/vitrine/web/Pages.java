package io.vitrine.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.search.InvalidQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the JTE templates. They are compiled to classes at build time (jte-maven-plugin), so the
 * server needs no JDK and no template folder at run time.
 */
final class Pages {
    private static final Logger LOG = LoggerFactory.getLogger(Pages.class);
    /** Scripts and styles only from this server: injected markup cannot run or restyle anything. */
    private static final String CSP = "default-src 'self'; img-src 'self' data: blob:; media-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    void render(Context ctx, String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template + ".jte", model, out);
        headers(ctx);
        if (ctx.method() == io.javalin.http.HandlerType.POST && ctx.header("HX-Request") != null) {
            // a boosted form's answer is the page it was posted from: keep that page's address, not the
            // action's, so a reload or a live re-read asks for a page that exists
            ctx.header("HX-Push-Url", "false");
        }
        ctx.contentType("text/html; charset=utf-8").result(out.toString());
    }

    static void headers(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Cache-Control", "no-store");
    }

    /** Sent by live.js when it re-reads an open page; {@link #GONE} answers it when the page's subject is gone. */
    static final String LIVE_REFRESH = "X-Vitrine-Live";
    static final String GONE = "X-Vitrine-Gone";

    void error(Context ctx, int status, String title, String detail) {
        if (status == 404 && ctx.header(LIVE_REFRESH) != null) {
            // a live page asking what is there now: "gone" is its answer, not a failed load for the console
            ctx.header(GONE, "1").status(204);
            return;
        }
        ctx.status(status);
        render(ctx, "error", new ErrorPage(title, detail));
    }

    private void collectionError(Context ctx, io.vitrine.collection.CollectionException e) {
        switch (e.kind()) {
            case NOT_FOUND -> error(ctx, 404, "Collection not found", "It may have been deleted, or it is not shared with you.");
            case FORBIDDEN -> error(ctx, 403, "Not allowed", e.getMessage());
            default -> error(ctx, 400, "That could not be done", e.getMessage());
        }
    }

    /** Concept pages show refusals beside their forms; what reaches here is an unknown concept or a hostile request. */
    private void conceptError(Context ctx, io.vitrine.concept.ConceptException e) {
        if (e.kind() == io.vitrine.concept.ConceptException.Kind.NOT_FOUND) {
            error(ctx, 404, "Concept not found", "It may have been deleted. The concept list shows the whole vocabulary.");
        } else {
            error(ctx, ConceptForms.status(e), "That could not be done", e.getMessage());
        }
    }

    /** Web routes answer with HTML pages, never with the API's problem JSON. */
    Handler safely(Handler h) {
        return ctx -> {
            try {
                h.handle(ctx);
            } catch (Missing e) {
                error(ctx, 404, e.title, e.getMessage());
            } catch (AssetNotFoundException e) {
                error(ctx, 404, "Asset not found", "It may have been deleted. Go back to the library to find others.");
            } catch (WebAccess.Forbidden e) {
                error(ctx, 403, "Not allowed", e.getMessage() + " Ask an administrator if you need it.");
            } catch (io.vitrine.rights.NotLicensedException e) {
                error(ctx, 403, "Not licensed", e.getMessage());
            } catch (io.vitrine.workflow.NotReleasedException e) {
                error(ctx, 409, "Not approved yet", e.getMessage());
            } catch (io.vitrine.collection.CollectionException e) {
                collectionError(ctx, e);
            } catch (io.vitrine.concept.ConceptException e) {
                conceptError(ctx, e);
            } catch (InvalidQueryException e) {
                error(ctx, 400, "That search could not be understood", e.getMessage() + ". Try plain words instead.");
            } catch (Exception e) {
                LOG.error("web page {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, 500, "Something went wrong", "The error has been logged. Try again, or go back to the library.");
            }
        };
    }

    /** Something a page names does not exist (or is not the person's to see): a 404 page saying which. */
    static final class Missing extends RuntimeException {
        private final String title;

        Missing(String title, String detail) {
            super(detail);
            this.title = title;
        }
    }
}
