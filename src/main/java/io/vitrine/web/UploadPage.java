package io.vitrine.web;

/** View model of the upload page. */
public record UploadPage(Chrome chrome) {}
