package io.gitinsight.deploy.kubernetes;

/** A manifest the Kubernetes API would refuse, or whose meaning it would silently change. */
public class ManifestException extends RuntimeException {

    public ManifestException(String message) {
        super(message);
    }
}
