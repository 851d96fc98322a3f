package io.vitrine.web;

/** View model of the error page. */
public record ErrorPage(String title, String detail) {}
