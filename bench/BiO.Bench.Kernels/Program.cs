using BenchmarkDotNet.Running;

namespace BiO.Bench.Kernels;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
