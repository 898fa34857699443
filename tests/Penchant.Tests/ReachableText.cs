using System.Reflection;

namespace Penchant;

/// <summary>
/// Finds text an object graph still holds: the tests of "deleting is real deletion" walk every object reachable from the
/// engine's parts and its assembly's static fields for a marker word a forgotten user wrote.
/// </summary>
internal static class ReachableText
{
    /// <summary>The values of every static field of the engine's assembly: the process-wide caches there are.</summary>
    public static IEnumerable<object> StaticFields()
    {
        foreach (Type type in typeof(IPenchant).Assembly.GetTypes())
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
    public static string? Holds(string word, IEnumerable<object> roots)
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
