using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Penchant.Domain;
using Penchant.Signals;
using Penchant.Storage;

namespace Penchant.Ranking;

// Deleting is real deletion: what ranking keeps of a user's words lives in the user's state and goes with it.
public sealed class RankingCacheTests
{
    // A word no lexicon or resource holds, so finding it anywhere means a user's text was kept.
    private const string Marker = "quibbletwine";

    private static readonly UserKey Carol = new("acme", "carol");
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Candidates =
    [
        "Tie the tomato stems with " + Marker + " string.",
        "Tie the tomato stems with soft cloth strips.",
    ];

    [Fact]
    public async Task ForgetUserAsync_AfterRanking_LeavesNoneOfTheUsersWordsInAnyCache()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        await engine.RememberAsync(Carol, new Statement($"I avoid {Marker} string in the garden."), Ct);
        await engine.RankAsync(Carol, new RequestContext("How should I support my tomato plants in the garden?"), Candidates, Ct);
        object ranking = services.GetRequiredService<RankingQuery>();
        string? keptWhileKnown = Holds(Marker, [ranking]);

        // Act
        await engine.ForgetUserAsync(Carol, Ct);

        // Assert: the walk reaches what ranking keeps (it finds the words while the user is known), and none is left after.
        Assert.NotNull(keptWhileKnown);
        Assert.Null(Holds(Marker, [ranking, .. StaticFields()]));
    }

    [Fact]
    public async Task ForgetAsync_APreference_RankingKeepsNoneOfItsWords()
    {
        // Arrange
        using ServiceProvider services = TestEngines.Create();
        IPenchant engine = services.GetRequiredService<IPenchant>();
        await engine.RememberAsync(Carol, new Statement($"I avoid {Marker} string in the garden."), Ct);
        await engine.RememberAsync(Carol, new Statement("I prefer bamboo canes for climbing plants."), Ct);
        var request = new RequestContext("How should I support my tomato plants in the garden?");
        await engine.RankAsync(Carol, request, Candidates, Ct);
        Preference marked = (await engine.HistoryAsync(Carol, Ct)).Single(static p => p.IsCurrent && p.Text.Contains(Marker, StringComparison.Ordinal));

        // Act
        await engine.ForgetAsync(Carol, marked.Id, Ct);
        await engine.RankAsync(Carol, request, ["Use bamboo canes.", "Use metal stakes."], Ct);

        // Assert
        object ranking = services.GetRequiredService<RankingQuery>();
        Assert.Null(Holds(Marker, [ranking, .. StaticFields()]));
    }

    [Fact]
    public void KeepDerived_TwoKinds_KeepsBothAndReplacesOnlyTheSameKind()
    {
        var snapshot = new UserSnapshot(UserState.Empty);
        var first = new RankingUser();
        var second = new RankingUser();
        var other = new List<int>();

        snapshot.KeepDerived(first);
        snapshot.KeepDerived(other);
        snapshot.KeepDerived(second);

        Assert.Same(second, snapshot.Derived<RankingUser>());
        Assert.Same(other, snapshot.Derived<List<int>>());
        Assert.Null(snapshot.Derived<string>());
    }

    [Fact]
    public void KnowledgeOf_ManyObjects_KeepsAtMostTheBound()
    {
        var user = new RankingUser();

        for (int i = 0; i < RankingUser.MaxObjects + 50; i++)
        {
            user.KnowledgeOf($"object {i}");
        }

        Assert.Equal(RankingUser.MaxObjects, user.Count);
    }

    /// <summary>The values of every static field of the engine's assembly: the process-wide caches there are.</summary>
    private static IEnumerable<object> StaticFields()
    {
        foreach (Type type in typeof(RankingQuery).Assembly.GetTypes())
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

    /// <summary>
    /// Where a string that contains the word is reachable from the roots (through fields and arrays, so through every
    /// collection), as the path of types and fields that leads to it; <see langword="null"/> when none is.
    /// </summary>
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
