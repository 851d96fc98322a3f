package io.vitrine.web;

/** View model of the login page; {@code provider} names the identity provider to offer, or is null. */
public record LoginPage(String error, String provider) {}
