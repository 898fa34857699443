using System.Reflection;
using Penchant.Embeddings;
using Penchant.Testing;

namespace Penchant.Tests.Conventions;

/// <summary>Enforces STYLE.md rules that reflection can see, over every shipped library.</summary>
public sealed class ConventionTests
{
    public static TheoryData<string> Assemblies() =>
    [
        typeof(IPenchant).Assembly.GetName().Name!,
        typeof(MiniLmEmbeddingGenerator).Assembly.GetName().Name!,
        typeof(InMemoryPreferenceStore).Assembly.GetName().Name!,
    ];

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicAsyncMethods_EndWithCancellationToken(string assemblyName)
    {
        var offenders = new List<string>();
        foreach (Type type in Load(assemblyName).GetExportedTypes())
        {
            foreach (MethodInfo method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                bool isAsync = typeof(Task).IsAssignableFrom(method.ReturnType)
                    || method.ReturnType.IsGenericType && method.ReturnType.GetGenericTypeDefinition() is { } g
                        && (g == typeof(ValueTask<>) || g == typeof(IAsyncEnumerable<>));
                if (!isAsync || method.IsSpecialName)
                {
                    continue;
                }

                ParameterInfo[] parameters = method.GetParameters();
                if (parameters.Length == 0 || parameters[^1].ParameterType != typeof(CancellationToken))
                {
                    offenders.Add($"{type.Name}.{method.Name}");
                }

                if (!method.Name.EndsWith("Async", StringComparison.Ordinal))
                {
                    offenders.Add($"{type.Name}.{method.Name} (name)");
                }
            }
        }

        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void PublicClasses_AreSealedAbstractOrStatic(string assemblyName)
    {
        var offenders = Load(assemblyName).GetExportedTypes()
            .Where(static t => t.IsClass && !t.IsSealed && !t.IsAbstract && !typeof(Exception).IsAssignableFrom(t))
            .Select(static t => t.FullName)
            .ToList();

        Assert.Empty(offenders);
    }

    private static Assembly Load(string name) => Assembly.Load(name);
}
