package io.vitrine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.vitrine.asset.AssetNotFoundException;
import io.vitrine.auth.InvalidUserException;
import io.vitrine.rights.InvalidLicenceException;
import io.vitrine.rights.InvalidSignatureException;
import io.vitrine.rights.LicenceNotFoundException;
import io.vitrine.rights.NotLicensedException;
import io.vitrine.ingest.DuplicateRejectedException;
import io.vitrine.ingest.InvalidUploadException;
import io.vitrine.search.InvalidQueryException;
import io.vitrine.storage.BlobTooLargeException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure becomes an RFC 9457 problem; unexpected ones are logged and never leak internals. */
final class ProblemMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapping.class);

    private ProblemMapping() {}

    static void install(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> send(ctx, e.problem()));
        app.exception(AssetNotFoundException.class, (e, ctx) -> send(ctx, Problem.of(404, "not-found", "Not found", e.getMessage())));
        app.exception(InvalidUploadException.class, (e, ctx) -> send(ctx, Problem.of(400, "invalid-upload", "Invalid upload", e.getMessage())));
        app.exception(io.vitrine.search.SearchTimeoutException.class, (e, ctx) -> send(ctx,
                Problem.of(503, "search-timeout", "Search too slow", e.getMessage())));
        app.exception(InvalidQueryException.class, (e, ctx) -> send(ctx, Problem.of(400, "invalid-query", "Invalid query", e.getMessage())));
        app.exception(io.vitrine.auth.NameTakenException.class, (e, ctx) -> send(ctx, Problem.of(409, "name-taken", "Conflict", e.getMessage())));
        app.exception(InvalidUserException.class, (e, ctx) -> send(ctx, Problem.of(400, "invalid-user", "Invalid user", e.getMessage())));
        app.exception(io.vitrine.auth.UserRevokedException.class, (e, ctx) -> send(ctx,
                Problem.of(409, "user-revoked", "User revoked", e.getMessage())));
        app.exception(InvalidLicenceException.class, (e, ctx) -> send(ctx, Problem.of(400, "invalid-licence", "Invalid licence", e.getMessage())));
        app.exception(LicenceNotFoundException.class, (e, ctx) -> send(ctx, Problem.of(404, "not-found", "Not found", e.getMessage())));
        app.exception(NotLicensedException.class, (e, ctx) -> send(ctx, Problem.of(403, "not-licensed", "Not licensed", e.getMessage())));
        app.exception(InvalidSignatureException.class, (e, ctx) -> send(ctx,
                Problem.of(403, "invalid-delivery-link", "Invalid delivery link", e.getMessage())));
        app.exception(io.vitrine.collection.CollectionException.class, (e, ctx) -> send(ctx, CollectionProblems.of(e)));
        app.exception(io.vitrine.workflow.TransitionRefusedException.class, (e, ctx) -> {
            Problem p = Problem.of(409, "transition-not-allowed", "Transition not allowed", e.getMessage()).at(ctx.path());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", p.type());
            body.put("title", p.title());
            body.put("status", p.status());
            body.put("detail", p.detail());
            body.put("instance", p.instance());
            body.put("currentState", e.current().apiName());
            body.put("allowedTransitions", e.allowed().stream().map(io.vitrine.workflow.WorkflowState::apiName).toList());
            ctx.status(409).json(body).contentType(Problem.MEDIA_TYPE);
        });
        app.exception(io.vitrine.workflow.WorkflowRefusedException.class, (e, ctx) -> send(ctx, Problem.of(switch (e.reason()) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case CONFLICT -> 409;
        }, e.slug(), e.reason() == io.vitrine.workflow.WorkflowRefusedException.Reason.FORBIDDEN ? "Forbidden"
                : e.reason() == io.vitrine.workflow.WorkflowRefusedException.Reason.INVALID ? "Bad request" : "Conflict", e.getMessage())));
        app.exception(io.vitrine.workflow.NotReleasedException.class, (e, ctx) -> send(ctx,
                Problem.of(409, "not-approved", "Not approved", e.getMessage())));
        app.exception(BlobTooLargeException.class, (e, ctx) -> send(ctx, Problem.of(413, "too-large", "Upload too large", e.getMessage())));
        app.exception(FileUploadException.class, (e, ctx) -> send(ctx, malformed(e)));
        app.exception(JsonProcessingException.class, (e, ctx) -> send(ctx,
                Problem.of(400, "invalid-json", "Invalid JSON", "the request body is not valid JSON: " + e.getOriginalMessage())));
        app.exception(DuplicateRejectedException.class, (e, ctx) -> {
            Problem p = Problem.of(409, "duplicate", "Duplicate", e.getMessage());
            send(ctx, new Problem(p.type(), p.title(), p.status(), p.detail(), null, e.existingId()));
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
            send(ctx, Problem.of(500, "internal", "Internal error", "the server failed to handle this request; it has been logged"));
        });
        app.error(404, ctx -> {
            String type = ctx.res().getContentType();
            // the web UI renders its own HTML 404 pages; everything else answers as a problem
            if (type == null || !(type.startsWith(Problem.MEDIA_TYPE) || type.startsWith("text/html"))) {
                send(ctx, Problem.of(404, "not-found", "Not found", "no route for " + ctx.method() + " " + ctx.path()));
            }
        });
        app.error(405, ctx -> send(ctx, Problem.of(405, "method-not-allowed", "Method not allowed",
                ctx.method() + " is not allowed on " + ctx.path())));
    }

    private static Problem malformed(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof BlobTooLargeException tooLarge) {
                return Problem.of(413, "too-large", "Upload too large", tooLarge.getMessage());
            }
            cause = cause.getCause();
        }
        return Problem.of(400, "malformed-multipart", "Malformed multipart body", "the multipart body could not be read: " + e.getMessage());
    }

    static void send(Context ctx, Problem problem) {
        ctx.status(problem.status());
        if (problem.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"vitrine\"");
        }
        ctx.json(problem.at(ctx.path()));
        ctx.contentType(Problem.MEDIA_TYPE);
    }
}
