using YamlDotNet.RepresentationModel;

namespace BiO.Deploy.Tests;

/// <summary>One YAML document of a manifest file.</summary>
internal sealed record ManifestDocument(string File, int Index, YamlMappingNode Root)
{
    public string? Kind => Root.Scalar("kind");

    public string? Name => Root.Scalar("metadata", "name");

    public string? Namespace => Root.Scalar("metadata", "namespace");

    /// <summary>"file#index kind/name", for failure messages.</summary>
    public string Where => $"{RepoPaths.Relative(File)}#{Index} {Kind}/{Name}";

    /// <summary>The pod template of a workload (Deployment, Job, ...), or null.</summary>
    public YamlMappingNode? PodTemplate => Root.Map("spec", "template");

    /// <summary>containers and initContainers of the pod template.</summary>
    public IEnumerable<YamlMappingNode> Containers
    {
        get
        {
            var podSpec = PodTemplate?.Map("spec");
            if (podSpec is null)
            {
                return [];
            }

            return podSpec.Seq("containers").Concat(podSpec.Seq("initContainers")).OfType<YamlMappingNode>();
        }
    }
}

/// <summary>Every YAML document under deploy/kubernetes, parsed once.</summary>
internal static class KubernetesManifests
{
    public const string KustomizationFile = "kustomization.yaml";

    private static readonly Lazy<IReadOnlyList<ManifestDocument>> LazyAll = new(Load);

    /// <summary>All documents of all *.yaml/*.yml files, kustomization.yaml included.</summary>
    public static IReadOnlyList<ManifestDocument> All => LazyAll.Value;

    /// <summary>The Kubernetes resources (everything but kustomization.yaml).</summary>
    public static IEnumerable<ManifestDocument> Resources =>
        All.Where(d => !IsKustomization(d.File));

    public static IEnumerable<string> YamlFiles =>
        Directory.EnumerateFiles(RepoPaths.Kubernetes, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static bool IsKustomization(string file) =>
        string.Equals(Path.GetFileName(file), KustomizationFile, StringComparison.Ordinal)
        && string.Equals(Path.GetDirectoryName(file), RepoPaths.Kubernetes, StringComparison.Ordinal);

    public static YamlMappingNode Kustomization =>
        All.Single(d => IsKustomization(d.File)).Root;

    public static IEnumerable<ManifestDocument> OfKind(string kind) =>
        Resources.Where(d => d.Kind == kind);

    public static ManifestDocument Single(string kind, string name)
    {
        var matches = OfKind(kind).Where(d => d.Name == name).ToList();
        Assert.True(matches.Count == 1, $"expected exactly one {kind} named {name}, found {matches.Count}");
        return matches[0];
    }

    private static List<ManifestDocument> Load()
    {
        var documents = new List<ManifestDocument>();
        foreach (var file in YamlFiles)
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }

            for (var i = 0; i < stream.Documents.Count; i++)
            {
                var root = stream.Documents[i].RootNode as YamlMappingNode
                    ?? throw new InvalidDataException($"{RepoPaths.Relative(file)}#{i}: the document is not a mapping");
                documents.Add(new ManifestDocument(file, i, root));
            }
        }

        return documents;
    }
}

/// <summary>Navigation over YamlDotNet's representation model.</summary>
internal static class YamlNav
{
    public static YamlNode? Node(this YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map
                || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    public static string? Scalar(this YamlNode? node, params string[] path) =>
        (node.Node(path) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Map(this YamlNode? node, params string[] path) =>
        node.Node(path) as YamlMappingNode;

    public static IReadOnlyList<YamlNode> Seq(this YamlNode? node, params string[] path) =>
        node.Node(path) is YamlSequenceNode seq ? seq.Children.ToList() : [];

    /// <summary>A mapping of scalars as a dictionary (e.g. labels); empty when absent.</summary>
    public static Dictionary<string, string> StringMap(this YamlNode? node, params string[] path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (node.Node(path) is YamlMappingNode map)
        {
            foreach (var (key, value) in map.Children)
            {
                result[((YamlScalarNode)key).Value!] = (value as YamlScalarNode)?.Value ?? string.Empty;
            }
        }

        return result;
    }
}
