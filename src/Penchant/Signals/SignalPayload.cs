using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Penchant.Signals;

/// <summary>Reads the structured part of a log entry, treating a malformed payload (an imported entry, say) as absent.</summary>
internal static class SignalPayload
{
    public static T? Read<T>(string? data, JsonTypeInfo<T> typeInfo)
        where T : class
    {
        if (data is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(data, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
