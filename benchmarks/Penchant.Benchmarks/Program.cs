using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Penchant.Benchmarks;
using Penchant.Benchmarks.Corpus;

// Our own options come first and are removed before BenchmarkDotNet reads the rest:
//   --data PATH              the evaluation data (a data root or its hh-rlhf folder) for the ranking benchmarks
//   --export-features PATH   write the ranking comparisons for benchmarks/sklearn and exit
var rest = new List<string>();
string? export = null;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] is "--data" or "--export-features")
    {
        if (i + 1 >= args.Length)
        {
            Console.Error.WriteLine($"{args[i]} needs a path.");
            return 1;
        }

        if (args[i] == "--data")
        {
            ComparisonCorpus.DataDirectory = args[++i];
        }
        else
        {
            export = args[++i];
        }
    }
    else
    {
        rest.Add(args[i]);
    }
}

if (export is not null)
{
    (int rows, int columns) = await FeatureExport.WriteAsync(export, CancellationToken.None);
    Console.WriteLine($"Wrote {rows:N0} comparisons × {columns} features to {export}.");
    return 0;
}

// In process: no child build per benchmark, so a run takes minutes on a two-core machine, and the model loads once per class.
// The in-process executor gives up on a benchmark after 5 minutes by default; a ranking fit (setup included) can take
// longer on a loaded machine, so allow 30.
IConfig config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumn(StatisticColumn.Median, StatisticColumn.P95);

BenchmarkSwitcher.FromAssembly(typeof(SelectBenchmarks).Assembly).Run([.. rest], config);
return 0;
