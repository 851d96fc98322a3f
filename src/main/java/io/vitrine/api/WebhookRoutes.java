package io.vitrine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.vitrine.webhooks.Delivery;
import io.vitrine.webhooks.InvalidWebhookException;
import io.vitrine.webhooks.Subscription;
import io.vitrine.webhooks.UnsafeUrlException;
import io.vitrine.webhooks.WebhookNotFoundException;
import io.vitrine.webhooks.WebhookService;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Webhook subscriptions, their delivery log and replay. The secret is never shown after creation. */
final class WebhookRoutes {
    private static final Set<String> FIELDS = Set.of("url", "events", "collection", "secret");

    private final WebhookService webhooks;
    private final ObjectMapper json;

    WebhookRoutes(WebhookService webhooks, ObjectMapper json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    void create(Context ctx) throws IOException {
        JsonNode b = json.readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        if (!b.isObject()) {
            throw ApiException.badRequest("send {\"url\": \"https://…\", \"events\": [\"asset.*\"], \"secret\": \"…\" (optional)}");
        }
        b.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                throw ApiException.badRequest("unknown field '" + f + "'; a webhook has url, events, collection and secret");
            }
        });
        if (!b.path("url").isTextual() || !b.path("events").isArray() || !optionalText(b, "secret") || !optionalText(b, "collection")) {
            throw ApiException.badRequest("'url' must be a string, 'events' an array of event types, 'collection' and 'secret' "
                    + "(optional) strings");
        }
        List<String> events = new ArrayList<>();
        b.get("events").forEach(e -> events.add(e.isTextual() ? e.asText() : null));
        WebhookService.Created c = guarded(() -> webhooks.create(new WebhookService.NewWebhook(b.get("url").asText(), events,
                text(b, "collection"), text(b, "secret"), Access.principal(ctx).tokenId())));
        AuditTrail.target(ctx, c.subscription().id());
        Subscription s = c.subscription();
        ctx.status(201).json(new Created(s.id(), s.url().toString(), s.events(), s.collection(), s.createdAt(), c.generatedSecret()));
    }

    private static boolean optionalText(JsonNode b, String field) {
        return b.path(field).isMissingNode() || b.path(field).isNull() || b.path(field).isTextual();
    }

    private static String text(JsonNode b, String field) {
        return b.path(field).isTextual() ? b.get(field).asText() : null;
    }

    void list(Context ctx) {
        ctx.json(new Listing(webhooks.list().stream().map(WebhookRoutes::view).toList()));
    }

    void get(Context ctx) {
        ctx.json(view(guarded(() -> webhooks.get(ctx.pathParam("id")))));
    }

    void delete(Context ctx) {
        guarded(() -> {
            webhooks.delete(ctx.pathParam("id"));
            return null;
        });
        AuditTrail.target(ctx, ctx.pathParam("id"));
        ctx.status(204);
    }

    void deliveries(Context ctx) {
        int limit = Paging.limit(ctx);
        String before = ctx.queryParam("cursor");
        List<Delivery> page = guarded(() -> webhooks.deliveries(ctx.pathParam("id"), before, limit + 1));
        String next = page.size() > limit ? page.get(limit - 1).id() : null;
        ctx.json(new DeliveryLog(page.stream().limit(limit).map(WebhookRoutes::view).toList(), next));
    }

    void replay(Context ctx) {
        Delivery d = guarded(() -> webhooks.replay(ctx.pathParam("id"), ctx.pathParam("deliveryId")));
        AuditTrail.target(ctx, ctx.pathParam("id"));
        AuditTrail.detail(ctx, "delivery", ctx.pathParam("deliveryId"));
        ctx.status(201).json(view(d));
    }

    /** The webhook package's refusals as problems: 400 invalid, 422 unsafe target, 404 unknown. */
    private static <T> T guarded(Supplier<T> work) {
        try {
            return work.get();
        } catch (InvalidWebhookException e) {
            throw new ApiException(400, "invalid-webhook", "Invalid webhook", e.getMessage());
        } catch (UnsafeUrlException e) {
            throw new ApiException(422, "unsafe-webhook-url", "Webhook URL refused", e.getMessage());
        } catch (WebhookNotFoundException e) {
            throw new ApiException(404, "not-found", "Not found", e.getMessage());
        }
    }

    private static View view(Subscription s) {
        return new View(s.id(), s.url().toString(), s.events(), s.collection(), s.createdAt());
    }

    private static DeliveryView view(Delivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.subject(), d.status().apiName(), d.attempts(), d.coalesced(),
                d.lastStatus(), d.lastError(), d.createdAt(), d.lastAttemptAt(),
                d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.deliveredAt(), d.replayOf());
    }

    record Created(String id, String url, List<String> events, String collection, Instant createdAt,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String secret) {}

    record View(String id, String url, List<String> events, String collection, Instant createdAt) {}

    record Listing(List<View> webhooks) {}

    record DeliveryView(String id, String eventId, String eventType, String subject, String status, int attempts, int coalesced,
            Integer lastResponseStatus, String lastError, Instant createdAt, Instant lastAttemptAt, Instant nextAttemptAt,
            Instant deliveredAt, String replayOf) {}

    record DeliveryLog(List<DeliveryView> deliveries, String nextCursor) {}
}
