using YamlDotNet.RepresentationModel;

namespace BiO.Deploy.Tests;

/// <summary>Static checks of deploy/kubernetes: structure, cross-references and what Orleans needs.</summary>
public sealed class KubernetesManifestTests
{
    private const string Namespace = "bio";
    private const string SiloDeployment = "bio-silo";
    private const string GatewayDeployment = "bio-gateway";
    private const string ServiceIdLabel = "orleans/serviceId";
    private const string ClusterIdLabel = "orleans/clusterId";

    private static readonly string[] WorkloadKinds = ["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"];

    [Fact]
    public void The_folder_holds_the_expected_resources()
    {
        var present = KubernetesManifests.Resources.Select(d => $"{d.Kind}/{d.Name}").ToHashSet(StringComparer.Ordinal);
        string[] expected =
        [
            "Namespace/bio", "ServiceAccount/bio-silo", "Role/bio-silo-pods", "RoleBinding/bio-silo-pods",
            "ConfigMap/bio-config", "Secret/bio-connections", "Job/bio-migrate",
            "Deployment/bio-silo", "Deployment/bio-gateway", "Service/bio-gateway", "Service/bio-dashboard",
        ];
        Assert.Empty(expected.Except(present, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_document_has_apiVersion_kind_name_and_the_bio_namespace()
    {
        var failures = new List<string>();
        Assert.NotEmpty(KubernetesManifests.Resources);
        foreach (var doc in KubernetesManifests.Resources)
        {
            if (string.IsNullOrWhiteSpace(doc.Root.Scalar("apiVersion")))
            {
                failures.Add($"{doc.Where}: no apiVersion");
            }

            if (string.IsNullOrWhiteSpace(doc.Kind))
            {
                failures.Add($"{doc.Where}: no kind");
            }

            if (string.IsNullOrWhiteSpace(doc.Name))
            {
                failures.Add($"{doc.Where}: no metadata.name");
            }

            if (doc.Kind == "List" || doc.Root.Node("items") is not null)
            {
                failures.Add($"{doc.Where}: one resource per document, not a List");
            }

            if (doc.Kind == "Namespace")
            {
                if (doc.Name != Namespace)
                {
                    failures.Add($"{doc.Where}: the Namespace must be named {Namespace}");
                }
            }
            else if (doc.Namespace != Namespace)
            {
                failures.Add($"{doc.Where}: metadata.namespace is '{doc.Namespace}', expected '{Namespace}'");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Resource_names_are_unique_per_kind()
    {
        var duplicates = KubernetesManifests.Resources
            .GroupBy(d => $"{d.Kind}/{d.Name}", StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Where))}");
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Kustomization_lists_every_file_and_only_existing_files()
    {
        var kustomization = KubernetesManifests.Kustomization;
        Assert.Equal(Namespace, kustomization.Scalar("namespace"));
        var listed = kustomization.Seq("resources").OfType<YamlScalarNode>().Select(n => n.Value!).ToList();
        Assert.NotEmpty(listed);

        var files = KubernetesManifests.YamlFiles
            .Where(f => !KubernetesManifests.IsKustomization(f))
            .Select(f => Path.GetRelativePath(RepoPaths.Kubernetes, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();

        Assert.Empty(files.Where(f => !listed.Contains(f)).Select(f => $"not in kustomization.yaml: {f}"));
        Assert.Empty(listed.Where(l => !File.Exists(Path.Combine(RepoPaths.Kubernetes, l))).Select(l => $"listed but missing: {l}"));
        Assert.Empty(listed.GroupBy(l => l).Where(g => g.Count() > 1).Select(g => $"listed twice: {g.Key}"));
    }

    [Fact]
    public void Every_container_has_a_name_and_an_image()
    {
        var failures = new List<string>();
        var workloads = KubernetesManifests.Resources.Where(d => WorkloadKinds.Contains(d.Kind)).ToList();
        Assert.NotEmpty(workloads);
        foreach (var doc in workloads)
        {
            var containers = doc.Containers.ToList();
            if (containers.Count == 0)
            {
                failures.Add($"{doc.Where}: no containers");
            }

            foreach (var container in containers)
            {
                if (string.IsNullOrWhiteSpace(container.Scalar("name")))
                {
                    failures.Add($"{doc.Where}: a container has no name");
                }

                if (string.IsNullOrWhiteSpace(container.Scalar("image")))
                {
                    failures.Add($"{doc.Where}: container {container.Scalar("name")} has no image");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Each_Deployment_selector_matches_its_template_labels()
    {
        var failures = new List<string>();
        var deployments = KubernetesManifests.OfKind("Deployment").ToList();
        Assert.NotEmpty(deployments);
        foreach (var doc in deployments)
        {
            var selector = doc.Root.StringMap("spec", "selector", "matchLabels");
            var labels = doc.PodTemplate.StringMap("metadata", "labels");
            if (selector.Count == 0)
            {
                failures.Add($"{doc.Where}: spec.selector.matchLabels is empty");
            }

            foreach (var (key, value) in selector)
            {
                if (!labels.TryGetValue(key, out var actual) || actual != value)
                {
                    failures.Add($"{doc.Where}: selector {key}={value} does not match the template label '{actual}'");
                }
            }

            if (doc.Root.Node("spec", "selector", "matchExpressions") is not null)
            {
                failures.Add($"{doc.Where}: matchExpressions are not checked by these tests; use matchLabels");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Service_and_PodDisruptionBudget_selectors_select_some_pod_template()
    {
        var templates = KubernetesManifests.Resources
            .Where(d => WorkloadKinds.Contains(d.Kind))
            .Select(d => d.PodTemplate.StringMap("metadata", "labels"))
            .ToList();
        var failures = new List<string>();
        foreach (var doc in KubernetesManifests.OfKind("Service").Concat(KubernetesManifests.OfKind("PodDisruptionBudget")))
        {
            var selector = doc.Kind == "Service"
                ? doc.Root.StringMap("spec", "selector")
                : doc.Root.StringMap("spec", "selector", "matchLabels");
            if (selector.Count == 0)
            {
                failures.Add($"{doc.Where}: empty selector");
                continue;
            }

            if (!templates.Any(labels => selector.All(s => labels.TryGetValue(s.Key, out var v) && v == s.Value)))
            {
                failures.Add($"{doc.Where}: selector {string.Join(",", selector.Select(s => $"{s.Key}={s.Value}"))} selects no pod template");
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void ConfigMap_and_Secret_references_resolve_to_resources_in_the_folder()
    {
        var configMaps = KubernetesManifests.OfKind("ConfigMap").ToDictionary(d => d.Name!, DataKeys, StringComparer.Ordinal);
        var secrets = KubernetesManifests.OfKind("Secret").ToDictionary(d => d.Name!, DataKeys, StringComparer.Ordinal);
        var failures = new List<string>();
        var references = 0;

        foreach (var doc in KubernetesManifests.Resources)
        {
            foreach (var container in doc.Containers)
            {
                var who = $"{doc.Where} container {container.Scalar("name")}";
                foreach (var source in container.Seq("envFrom"))
                {
                    Check(who, "configMapRef", source.Scalar("configMapRef", "name"), null, configMaps);
                    Check(who, "secretRef", source.Scalar("secretRef", "name"), null, secrets);
                }

                foreach (var env in container.Seq("env"))
                {
                    Check(who, "configMapKeyRef", env.Scalar("valueFrom", "configMapKeyRef", "name"),
                        env.Scalar("valueFrom", "configMapKeyRef", "key"), configMaps);
                    Check(who, "secretKeyRef", env.Scalar("valueFrom", "secretKeyRef", "name"),
                        env.Scalar("valueFrom", "secretKeyRef", "key"), secrets);
                }
            }

            foreach (var volume in doc.PodTemplate.Seq("spec", "volumes"))
            {
                Check($"{doc.Where} volume {volume.Scalar("name")}", "configMap", volume.Scalar("configMap", "name"), null, configMaps);
                Check($"{doc.Where} volume {volume.Scalar("name")}", "secret", volume.Scalar("secret", "secretName"), null, secrets);
            }
        }

        Assert.Empty(failures);
        Assert.True(references >= 6, $"expected the workloads to reference the ConfigMap and the Secret, found {references} references");

        void Check(string who, string what, string? name, string? key, Dictionary<string, HashSet<string>> defined)
        {
            if (name is null)
            {
                return;
            }

            references++;
            if (!defined.TryGetValue(name, out var keys))
            {
                failures.Add($"{who}: {what} '{name}' is not defined under deploy/kubernetes");
            }
            else if (key is not null && !keys.Contains(key))
            {
                failures.Add($"{who}: {what} '{name}' has no key '{key}'");
            }
        }

        static HashSet<string> DataKeys(ManifestDocument d) =>
            d.Root.StringMap("data").Keys
                .Concat(d.Root.StringMap("stringData").Keys)
                .Concat(d.Root.StringMap("binaryData").Keys)
                .ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void Each_probe_targets_a_declared_container_port()
    {
        var failures = new List<string>();
        var probes = 0;
        foreach (var doc in KubernetesManifests.Resources)
        {
            foreach (var container in doc.Containers)
            {
                var ports = container.Seq("ports").ToList();
                var names = ports.Select(p => p.Scalar("name")).OfType<string>().ToHashSet(StringComparer.Ordinal);
                var numbers = ports.Select(p => p.Scalar("containerPort")).OfType<string>().ToHashSet(StringComparer.Ordinal);
                foreach (var probeKind in new[] { "readinessProbe", "livenessProbe", "startupProbe" })
                {
                    var probe = container.Map(probeKind);
                    if (probe is null)
                    {
                        continue;
                    }

                    probes++;
                    var port = probe.Scalar("httpGet", "port") ?? probe.Scalar("tcpSocket", "port") ?? probe.Scalar("grpc", "port");
                    if (port is null)
                    {
                        failures.Add($"{doc.Where} {probeKind}: no port");
                    }
                    else if (!names.Contains(port) && !numbers.Contains(port))
                    {
                        failures.Add($"{doc.Where} {probeKind}: port '{port}' is not a declared container port");
                    }
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(probes >= 4, $"expected readiness and liveness probes on the silo and gateway, found {probes}");
    }

    [Fact]
    public void Silo_and_gateway_probe_GET_health_on_port_8080()
    {
        foreach (var name in new[] { SiloDeployment, GatewayDeployment })
        {
            var container = Assert.Single(KubernetesManifests.Single("Deployment", name).Containers);
            Assert.Contains("http://0.0.0.0:8080", EnvValues(container).GetValueOrDefault("Urls") ?? string.Empty);
            foreach (var probeKind in new[] { "readinessProbe", "livenessProbe" })
            {
                Assert.Equal("/health", container.Scalar(probeKind, "httpGet", "path"));
                Assert.Equal("8080", ResolvePort(container, container.Scalar(probeKind, "httpGet", "port")));
            }
        }
    }

    [Fact]
    public void Silo_Deployment_exposes_silo_gateway_and_http_ports()
    {
        var silo = KubernetesManifests.Single("Deployment", SiloDeployment);
        Assert.Equal("3", silo.Root.Scalar("spec", "replicas"));
        var container = Assert.Single(silo.Containers);
        Assert.Equal("bio/silo:latest", container.Scalar("image"));
        var ports = container.Seq("ports").Select(p => p.Scalar("containerPort")).ToList();
        Assert.Contains("11111", ports);
        Assert.Contains("30000", ports);
        Assert.Contains("8080", ports);

        var env = EnvValues(container);
        Assert.Equal("11111", env.GetValueOrDefault("BiO__Silo__SiloPort"));
        Assert.Equal("30000", env.GetValueOrDefault("BiO__Silo__GatewayPort"));
        Assert.NotNull(silo.PodTemplate.Scalar("spec", "terminationGracePeriodSeconds"));
        Assert.NotNull(container.Map("resources", "requests"));
    }

    [Fact]
    public void Silo_pods_carry_the_Orleans_labels_and_agree_with_the_ConfigMap()
    {
        var silo = KubernetesManifests.Single("Deployment", SiloDeployment);
        var labels = silo.PodTemplate.StringMap("metadata", "labels");
        Assert.True(labels.TryGetValue(ServiceIdLabel, out var serviceId) && serviceId.Length > 0, $"pod label {ServiceIdLabel} missing");
        Assert.True(labels.TryGetValue(ClusterIdLabel, out var clusterId) && clusterId.Length > 0, $"pod label {ClusterIdLabel} missing");

        // The gateway (an Orleans client) takes the ids from the ConfigMap, the silos from these labels.
        var config = KubernetesManifests.Single("ConfigMap", "bio-config").Root.StringMap("data");
        Assert.Equal("Cluster", config.GetValueOrDefault("BiO__Profile"));
        Assert.Equal(serviceId, config.GetValueOrDefault("BiO__ServiceId"));
        Assert.Equal(clusterId, config.GetValueOrDefault("BiO__ClusterId"));
    }

    [Fact]
    public void Only_silo_pods_carry_Orleans_labels()
    {
        // Orleans' Kubernetes hosting treats every pod with these labels as a silo of the cluster.
        var offenders = KubernetesManifests.Resources
            .Where(d => d.PodTemplate is not null && !(d.Kind == "Deployment" && d.Name == SiloDeployment))
            .Where(d => d.PodTemplate.StringMap("metadata", "labels").Keys.Any(k => k.StartsWith("orleans/", StringComparison.Ordinal)))
            .Select(d => d.Where);
        Assert.Empty(offenders);
    }

    [Fact]
    public void Silo_container_gets_the_pod_identity_through_the_downward_API()
    {
        var container = Assert.Single(KubernetesManifests.Single("Deployment", SiloDeployment).Containers);
        var env = container.Seq("env").ToList();
        var fieldRefs = env
            .Where(e => e.Scalar("valueFrom", "fieldRef", "fieldPath") is not null)
            .ToDictionary(e => e.Scalar("name")!, e => e.Scalar("valueFrom", "fieldRef", "fieldPath")!, StringComparer.Ordinal);

        Assert.Equal($"metadata.labels['{ServiceIdLabel}']", fieldRefs.GetValueOrDefault("ORLEANS_SERVICE_ID"));
        Assert.Equal($"metadata.labels['{ClusterIdLabel}']", fieldRefs.GetValueOrDefault("ORLEANS_CLUSTER_ID"));
        Assert.Equal("metadata.name", fieldRefs.GetValueOrDefault("POD_NAME"));
        Assert.Equal("metadata.namespace", fieldRefs.GetValueOrDefault("POD_NAMESPACE"));
        Assert.Equal("status.podIP", fieldRefs.GetValueOrDefault("POD_IP"));

        // $(POD_IP) only expands when POD_IP is declared earlier in the list.
        var names = env.Select(e => e.Scalar("name")).ToList();
        var advertised = env.Single(e => e.Scalar("name") == "BiO__Silo__AdvertisedAddress");
        Assert.Equal("$(POD_IP)", advertised.Scalar("value"));
        Assert.True(names.IndexOf("POD_IP") < names.IndexOf("BiO__Silo__AdvertisedAddress"),
            "POD_IP must be declared before BiO__Silo__AdvertisedAddress");
    }

    [Fact]
    public void Silo_service_account_may_watch_and_delete_pods()
    {
        var silo = KubernetesManifests.Single("Deployment", SiloDeployment);
        var account = silo.PodTemplate.Scalar("spec", "serviceAccountName");
        Assert.False(string.IsNullOrEmpty(account), "the silo pods need a serviceAccountName");
        KubernetesManifests.Single("ServiceAccount", account!);
        Assert.NotEqual("false", silo.PodTemplate.Scalar("spec", "automountServiceAccountToken"));

        var bindings = KubernetesManifests.OfKind("RoleBinding")
            .Where(b => b.Root.Seq("subjects").Any(s =>
                s.Scalar("kind") == "ServiceAccount" && s.Scalar("name") == account
                && (s.Scalar("namespace") ?? Namespace) == Namespace))
            .ToList();
        Assert.NotEmpty(bindings);

        var granted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in bindings)
        {
            Assert.Equal("Role", binding.Root.Scalar("roleRef", "kind"));
            var role = KubernetesManifests.Single("Role", binding.Root.Scalar("roleRef", "name")!);
            foreach (var rule in role.Root.Seq("rules"))
            {
                var coreGroup = rule.Seq("apiGroups").OfType<YamlScalarNode>().Any(g => g.Value == string.Empty);
                var pods = rule.Seq("resources").OfType<YamlScalarNode>().Any(r => r.Value == "pods");
                if (coreGroup && pods)
                {
                    granted.UnionWith(rule.Seq("verbs").OfType<YamlScalarNode>().Select(v => v.Value!));
                }
            }
        }

        Assert.Empty(new[] { "get", "watch", "list", "delete", "patch" }.Except(granted, StringComparer.Ordinal));
    }

    [Fact]
    public void Gateway_Deployment_and_Service_serve_port_80_to_8080()
    {
        var gateway = KubernetesManifests.Single("Deployment", GatewayDeployment);
        Assert.Equal("2", gateway.Root.Scalar("spec", "replicas"));
        var container = Assert.Single(gateway.Containers);
        Assert.Equal("bio/gateway:latest", container.Scalar("image"));

        var service = KubernetesManifests.Single("Service", GatewayDeployment);
        Assert.Equal("ClusterIP", service.Root.Scalar("spec", "type") ?? "ClusterIP");
        var port = Assert.Single(service.Root.Seq("spec", "ports"));
        Assert.Equal("80", port.Scalar("port"));
        Assert.Equal("8080", ResolvePort(container, port.Scalar("targetPort")));
        Assert.Equal(gateway.PodTemplate.StringMap("metadata", "labels").GetValueOrDefault("app.kubernetes.io/name"),
            service.Root.StringMap("spec", "selector").GetValueOrDefault("app.kubernetes.io/name"));
    }

    [Fact]
    public void Dashboard_Service_targets_the_silos_on_8080()
    {
        var silo = KubernetesManifests.Single("Deployment", SiloDeployment);
        var siloLabels = silo.PodTemplate.StringMap("metadata", "labels");
        var dashboards = KubernetesManifests.OfKind("Service")
            .Where(s => s.Root.StringMap("spec", "selector").All(kv => siloLabels.GetValueOrDefault(kv.Key) == kv.Value))
            .ToList();
        var dashboard = Assert.Single(dashboards);
        var port = Assert.Single(dashboard.Root.Seq("spec", "ports"));
        Assert.Equal("8080", port.Scalar("port"));
        Assert.Equal("8080", ResolvePort(Assert.Single(silo.Containers), port.Scalar("targetPort") ?? port.Scalar("port")));
    }

    [Fact]
    public void Migration_Job_runs_the_silo_migrate_command()
    {
        var job = KubernetesManifests.Single("Job", "bio-migrate");
        var container = Assert.Single(job.Containers);
        Assert.Equal("bio/silo:latest", container.Scalar("image"));
        var command = container.Seq("command").Concat(container.Seq("args")).OfType<YamlScalarNode>().Select(n => n.Value).ToList();
        Assert.Equal(["dotnet", "BiO.Silo.dll", "migrate"], command);
        Assert.Contains(job.PodTemplate.Scalar("spec", "restartPolicy"), new[] { "Never", "OnFailure" });
    }

    [Fact]
    public void Secret_is_a_template_with_both_connection_strings()
    {
        var secret = KubernetesManifests.Single("Secret", "bio-connections");
        var data = secret.Root.StringMap("stringData");
        Assert.Contains("ConnectionStrings__Postgres", data.Keys);
        Assert.Contains("ConnectionStrings__AzureQueues", data.Keys);
        Assert.All(data.Values, v => Assert.Contains("REPLACE_ME", v));
    }

    /// <summary>Name=value of the plain (non-valueFrom) env entries.</summary>
    private static Dictionary<string, string?> EnvValues(YamlMappingNode container) =>
        container.Seq("env")
            .Where(e => e.Node("value") is not null)
            .ToDictionary(e => e.Scalar("name")!, e => e.Scalar("value"), StringComparer.Ordinal);

    /// <summary>A port given by name or number, as the container port number.</summary>
    private static string? ResolvePort(YamlMappingNode container, string? port)
    {
        foreach (var declared in container.Seq("ports"))
        {
            if (declared.Scalar("name") == port || declared.Scalar("containerPort") == port)
            {
                return declared.Scalar("containerPort");
            }
        }

        return null;
    }
}
