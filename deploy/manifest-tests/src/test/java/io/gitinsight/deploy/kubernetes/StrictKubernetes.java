package io.gitinsight.deploy.kubernetes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads manifests into the fabric8 Kubernetes model and refuses what the API server would refuse or
 * silently drop: a kind the model does not know (for its apiVersion), a value of the wrong type, and a
 * field the kind does not have. The model keeps unknown fields in {@code additionalProperties} instead
 * of failing, so every object of the parsed tree is searched for them.
 */
public final class StrictKubernetes {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private StrictKubernetes() {
    }

    /** The typed object, or a {@link ManifestException} listing everything wrong with it. */
    public static HasMetadata parse(JsonNode manifest) {
        String apiVersion = manifest.path("apiVersion").asText();
        String kind = manifest.path("kind").asText();
        String name = kind + " " + manifest.path("metadata").path("name").asText("(unnamed)");
        Class<? extends KubernetesResource> type = SERIALIZATION.getRegisteredKubernetesResource(apiVersion, kind);
        if (type == null || !HasMetadata.class.isAssignableFrom(type)) {
            throw new ManifestException(name + ": unknown kind " + kind + " in " + apiVersion);
        }
        HasMetadata parsed;
        try {
            parsed = (HasMetadata) SERIALIZATION.unmarshal(manifest.toString(), type);
        } catch (RuntimeException e) {
            throw new ManifestException(name + ": " + rootMessage(e));
        }
        List<String> unknown = new ArrayList<>();
        collectUnknownFields(parsed, "", unknown);
        if (!unknown.isEmpty()) {
            throw new ManifestException(name + ": unknown fields " + unknown);
        }
        return parsed;
    }

    private static void collectUnknownFields(Object value, String path, List<String> unknown) {
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknownFields(list.get(i), path + "[" + i + "]", unknown);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> collectUnknownFields(item, path + "." + key, unknown));
            return;
        }
        if (value == null || !value.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (!isPropertyGetter(getter)) {
                continue;
            }
            Object property = invoke(getter, value);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (property instanceof Map<?, ?> extra) {
                    extra.keySet().forEach(key -> unknown.add((path.isEmpty() ? "" : path.substring(1) + ".") + key));
                }
            } else {
                collectUnknownFields(property, path + "." + propertyName(getter), unknown);
            }
        }
    }

    private static boolean isPropertyGetter(Method m) {
        return m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers()) && m.getName().startsWith("get")
                && !m.getName().equals("getClass") && !m.getReturnType().isPrimitive()
                && m.getReturnType() != String.class;
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.toString() : message.lines().findFirst().orElse(message);
    }
}
