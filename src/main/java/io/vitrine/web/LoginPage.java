package io.vitrine.web;

/** View model of the login page. */
public record LoginPage(String error) {}
