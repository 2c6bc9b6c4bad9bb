using System.Diagnostics;

namespace BiO.Deploy.Tests;

/// <summary>Static checks of the deploy/local bash scripts (they are run for real by hand and in CI).</summary>
public sealed class LocalScriptTests
{
    private static readonly string[] ExpectedScripts = ["azurite.sh", "cluster.sh", "postgres.sh", "services.sh"];

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Local, "*.sh").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_expected_scripts_exist()
    {
        var present = Directory.EnumerateFiles(RepoPaths.Local, "*.sh").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(ExpectedScripts.Except(present, StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_parses_with_bash_n(string script)
    {
        var (exitCode, output) = Run("bash", "-n", Path.Combine(RepoPaths.Local, script));
        Assert.True(exitCode == 0, $"bash -n {script} failed ({exitCode}):\n{output}");
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_is_strict_and_has_a_usage_line(string script)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Local, script));
        Assert.StartsWith("#!/usr/bin/env bash\n", text, StringComparison.Ordinal);
        Assert.Contains("usage: ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n", text, StringComparison.Ordinal);
        if (script != "lib.sh")
        {
            Assert.Contains("\nset -euo pipefail\n", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_is_executable(string script)
    {
        if (OperatingSystem.IsWindows() || script == "lib.sh")
        {
            return;
        }

        var mode = File.GetUnixFileMode(Path.Combine(RepoPaths.Local, script));
        Assert.True(mode.HasFlag(UnixFileMode.UserExecute), $"{script} is not executable ({mode})");
    }

    [Theory]
    [InlineData("postgres.sh")]
    [InlineData("azurite.sh")]
    [InlineData("services.sh")]
    [InlineData("cluster.sh")]
    public void Script_without_arguments_prints_its_usage_and_fails(string script)
    {
        var (exitCode, output) = Run("bash", Path.Combine(RepoPaths.Local, script));
        Assert.NotEqual(0, exitCode);
        Assert.Contains($"usage: {script} ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Url_commands_print_the_connection_strings_without_starting_anything()
    {
        // A data folder that holds no cluster, so that a running local PostgreSQL does not answer instead.
        var env = new Dictionary<string, string>
        {
            ["BIO_PG_DIR"] = Path.Combine(Path.GetTempPath(), $"bio-no-cluster-{Guid.NewGuid():N}"),
            ["BIO_PG_PORT"] = "55499",
            ["BIO_AZURITE_PORT"] = "10099",
        };
        var (pgExit, pg) = Run("bash", env, Path.Combine(RepoPaths.Local, "postgres.sh"), "url");
        Assert.Equal(0, pgExit);
        Assert.Equal("Host=127.0.0.1;Port=55499;Username=postgres;Database=bio", pg.Trim());

        var (azExit, az) = Run("bash", env, Path.Combine(RepoPaths.Local, "azurite.sh"), "url");
        Assert.Equal(0, azExit);
        Assert.StartsWith("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=", az.Trim(), StringComparison.Ordinal);
        Assert.EndsWith(";QueueEndpoint=http://127.0.0.1:10099/devstoreaccount1;", az.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public void Azurite_is_pinned_by_a_committed_lock_file()
    {
        var folder = Path.Combine(RepoPaths.Local, "azurite");
        Assert.Contains("\"azurite\": \"3.37.0\"", File.ReadAllText(Path.Combine(folder, "package.json")), StringComparison.Ordinal);
        var lockFile = File.ReadAllText(Path.Combine(folder, "package-lock.json"));
        Assert.Contains("\"node_modules/azurite\": {\n      \"version\": \"3.37.0\"", lockFile.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static (int ExitCode, string Output) Run(string file, params string[] args) =>
        Run(file, new Dictionary<string, string>(), args);

    private static (int ExitCode, string Output) Run(string file, Dictionary<string, string> env, params string[] args)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within 30 s");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
