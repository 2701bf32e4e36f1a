package io.gitinsight.deploy.kubernetes;

/** A kustomization this renderer cannot render, or one kustomize itself would refuse. */
public class KustomizeException extends RuntimeException {

    public KustomizeException(String message) {
        super(message);
    }
}
