namespace BiO.Deploy.Tests;

/// <summary>Locates the repository (the folder holding BiO.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    public static string Root => LazyRoot.Value;

    public static string Kubernetes => Path.Combine(Root, "deploy", "kubernetes");

    public static string Local => Path.Combine(Root, "deploy", "local");

    /// <summary>A path relative to the repository root, with forward slashes (for messages).</summary>
    public static string Relative(string path) =>
        Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BiO.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException(
            $"BiO.sln not found in {AppContext.BaseDirectory} or any parent folder");
    }
}
