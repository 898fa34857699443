using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;

namespace Penchant.Deciding;

// Deleting is real deletion: what deciding keeps of a user's texts (embeddings by text, action sets) goes with the user.
public sealed class DecisionCacheTests
{
    // A word no lexicon or resource holds, so finding it anywhere means a user's text was kept.
    private const string Marker = "quillmarrow";

    private static readonly UserKey Dana = new("acme", "dana");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ForgetUserAsync_AfterDecisionsWithTexts_LeavesNoneOfTheUsersWordsInAnyCache()
    {
        // Arrange: two decisions over actions with texts (the second by reference to the first's set), one rewarded.
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        IDecider decider = services.GetRequiredService<IDecider>();
        DecisionAction[] actions = [new("a0", $"A {Marker} scarf in blue wool"), new("a1", "A cotton scarf in grey")];
        var context = new DecisionContext($"Gift ideas with {Marker} wrapping") { Features = [Feature.Category("season", "winter")] };
        DecisionResult first = await decider.DecideAsync(Dana, context, actions, cancellationToken: Ct);
        await decider.RewardAsync(Dana, first.DecisionId, 1.0, cancellationToken: Ct);
        await decider.DecideAsync(Dana, context, actions, cancellationToken: Ct);
        object[] roots = [decider, services.GetRequiredService<PolicyCache>(), services.GetRequiredService<DecisionFeaturizer>()];
        string? keptWhileKnown = Holds(Marker, roots);

        // Act
        await engine.ForgetUserAsync(Dana, Ct);

        // Assert: the walk reaches what deciding keeps (it finds the words while the user is known), and none is left after.
        Assert.NotNull(keptWhileKnown);
        Assert.Null(Holds(Marker, [.. roots, .. StaticFields()]));
    }

    /// <summary>The values of every static field of the engine's assembly: the process-wide caches there are.</summary>
    private static IEnumerable<object> StaticFields()
    {
        foreach (Type type in typeof(Decider).Assembly.GetTypes())
        {
            if (type.ContainsGenericParameters)
            {
                continue;
            }

            foreach (FieldInfo field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.IsLiteral && field.GetValue(null) is { } value)
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>Where a string that contains the word is reachable from the roots (through fields and arrays), as a path of types and fields; <see langword="null"/> when none is.</summary>
    private static string? Holds(string word, IEnumerable<object> roots)
    {
        var parents = new Dictionary<object, (object? Parent, string Via)>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        foreach (object root in roots)
        {
            if (parents.TryAdd(root, (null, "root")))
            {
                pending.Push(root);
            }
        }

        while (pending.Count > 0)
        {
            Assert.True(parents.Count < 5_000_000, "The walk did not finish.");
            object o = pending.Pop();
            switch (o)
            {
                case string s:
                    if (s.Contains(word, StringComparison.OrdinalIgnoreCase))
                    {
                        return PathTo(o, parents);
                    }

                    continue;
                case MemberInfo or Delegate or Assembly or Module or Pointer:
                    continue;
                case Array array when array.GetType().GetElementType() is { IsPrimitive: true }:
                    continue;
                case Array array:
                    foreach (object? item in array)
                    {
                        if (item is not null && parents.TryAdd(item, (o, "[]")))
                        {
                            pending.Push(item);
                        }
                    }

                    continue;
            }

            for (Type? type = o.GetType(); type is not null && type != typeof(object); type = type.BaseType)
            {
                foreach (FieldInfo field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike && field.GetValue(o) is { } value && !value.GetType().IsPrimitive
                        && parents.TryAdd(value, (o, field.Name)))
                    {
                        pending.Push(value);
                    }
                }
            }
        }

        return null;
    }

    private static string PathTo(object found, Dictionary<object, (object? Parent, string Via)> parents)
    {
        var steps = new List<string>();
        for (object? at = found; at is not null; at = parents[at].Parent)
        {
            steps.Add($"{at.GetType().Name}.{parents[at].Via}");
        }

        steps.Reverse();
        return string.Join(" -> ", steps);
    }
}
