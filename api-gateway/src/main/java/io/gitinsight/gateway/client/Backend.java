package io.gitinsight.gateway.client;

import java.net.URI;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** A service behind the gateway, from its base URL ({@code http://host:port} with an optional base path). */
public record Backend(String name, String host, int port, boolean ssl, String basePath) {

    public static Backend parse(String name, String url) {
        URI uri = URI.create(url.trim());
        if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new IllegalArgumentException("backend " + name + " needs an http(s) URL, got '" + url + "'");
        }
        boolean ssl = uri.getScheme().equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : ssl ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return new Backend(name, uri.getHost(), port, ssl, path);
    }

    /** Options for a request to {@code path} (which may carry a query) on this backend. */
    public RequestOptions request(HttpMethod method, String path) {
        return new RequestOptions().setMethod(method).setHost(host).setPort(port).setSsl(ssl).setURI(basePath + path);
    }

    public String url() {
        return (ssl ? "https://" : "http://") + host + ":" + port + basePath;
    }
}
