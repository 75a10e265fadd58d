using Orchestrator.Text;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;

namespace Orchestrator.Configuration;

/// <summary>
/// Reads typed values out of a <see cref="JsonDocument"/> and collects every problem (with path and
/// line) instead of stopping at the first, so one run of the loader reports them all.
/// </summary>
internal sealed class JsonObjectReader(JsonLineMap lines)
{
    private readonly List<ConfigurationError> _errors = [];

    public IReadOnlyList<ConfigurationError> Errors => _errors;

    public void Error(string path, string message, string? fix = null) =>
        _errors.Add(new ConfigurationError(path, lines.LineOf(path) ?? LineOfParent(path), message, fix));

    /// <summary>True when <paramref name="element"/> is an object; reports every key not in <paramref name="known"/>.</summary>
    public bool Object(JsonElement element, string path, IReadOnlyList<string> known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Error(path, $"Expected an object, found {Describe(element)}.", "Write { ... } with the keys " + string.Join(", ", known) + ".");
            return false;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (known.Contains(property.Name))
            {
                continue;
            }
            var suggestion = NameSuggestion.Nearest(property.Name, known);
            Error(
                JsonPath.Property(path, property.Name),
                $"Unknown key '{property.Name}'.",
                suggestion is null
                    ? $"Remove it; known keys here: {string.Join(", ", known)}."
                    : $"Did you mean '{suggestion}'? Known keys here: {string.Join(", ", known)}.");
        }
        return true;
    }

    /// <summary>True when <paramref name="element"/> is an object, whose keys are free names (a map).</summary>
    public bool Map(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        Error(path, $"Expected an object, found {Describe(element)}.", "Write { \"name\": ... }.");
        return false;
    }

    public static bool TryGet(JsonElement parent, string key, out JsonElement value)
    {
        value = default;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(key, out value);
    }

    public string? String(JsonElement parent, string parentPath, string key, bool required = false, bool nullable = false)
    {
        var path = JsonPath.Property(parentPath, key);
        if (!TryGet(parent, key, out var value))
        {
            if (required)
            {
                Error(parentPath, $"Missing key '{key}'.", $"Add \"{key}\": \"...\".");
            }
            return null;
        }
        return StringValue(value, path, nullable);
    }

    public string? StringValue(JsonElement value, string path, bool nullable = false)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (text.Length > 0)
            {
                return text;
            }
            Error(path, "Expected a non-empty string.", "Write a value or remove the key.");
            return null;
        }
        if (!(nullable && value.ValueKind == JsonValueKind.Null))
        {
            Error(path, $"Expected a string, found {Describe(value)}.", "Put the value in double quotes.");
        }
        return null;
    }

    public bool? Bool(JsonElement parent, string parentPath, string key)
    {
        if (!TryGet(parent, key, out var value))
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Error(JsonPath.Property(parentPath, key), $"Expected true or false, found {Describe(value)}.", "Write true or false without quotes.");
        return null;
    }

    public int? Int(JsonElement parent, string parentPath, string key, int minimum, string meaning)
    {
        if (!TryGet(parent, key, out var value))
        {
            return null;
        }
        return IntValue(value, JsonPath.Property(parentPath, key), minimum, meaning);
    }

    public int? IntValue(JsonElement value, string path, int minimum, string meaning, int maximum = int.MaxValue)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            Error(path, $"Expected a whole number ({meaning}), found {Describe(value)}.", "Write a whole number without quotes, e.g. 2.");
            return null;
        }
        if (number < minimum || number > maximum)
        {
            var range = maximum == int.MaxValue
                ? $"at least {minimum.ToString(CultureInfo.InvariantCulture)}"
                : $"between {minimum.ToString(CultureInfo.InvariantCulture)} and {maximum.ToString(CultureInfo.InvariantCulture)}";
            Error(path, $"{meaning} must be {range}, found {number.ToString(CultureInfo.InvariantCulture)}.", $"Use a value {range}.");
            return null;
        }
        return number;
    }

    public long? Long(JsonElement parent, string parentPath, string key, long minimum, string meaning)
    {
        if (!TryGet(parent, key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var path = JsonPath.Property(parentPath, key);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
        {
            Error(path, $"Expected a whole number ({meaning}), found {Describe(value)}.", "Write a whole number without quotes.");
            return null;
        }
        if (number < minimum)
        {
            Error(path, $"{meaning} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}.", "Use a larger value or remove the key.");
            return null;
        }
        return number;
    }

    /// <summary>A duration written as seconds; zero is allowed only when <paramref name="allowZero"/>.</summary>
    public TimeSpan? Seconds(JsonElement parent, string parentPath, string key, bool allowZero = false)
    {
        if (!TryGet(parent, key, out var value))
        {
            return null;
        }
        var path = JsonPath.Property(parentPath, key);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var seconds) || !double.IsFinite(seconds))
        {
            Error(path, $"Expected a number of seconds, found {Describe(value)}.", "Write seconds as a number without quotes, e.g. 30 or 0.5.");
            return null;
        }
        if (seconds < 0 || (seconds == 0 && !allowZero))
        {
            Error(
                path,
                $"'{key}' must be {(allowZero ? "zero or more" : "greater than zero")}, found {seconds.ToString(CultureInfo.InvariantCulture)}.",
                "A duration is a positive number of seconds.");
            return null;
        }
        if (seconds > TimeSpan.MaxValue.TotalSeconds / 2)
        {
            Error(path, $"'{key}' is too large.", "Use a number of seconds below 10^12.");
            return null;
        }
        return TimeSpan.FromSeconds(seconds);
    }

    public ImmutableArray<string>? Strings(JsonElement parent, string parentPath, string key)
    {
        if (!TryGet(parent, key, out var value))
        {
            return null;
        }
        var path = JsonPath.Property(parentPath, key);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"Expected an array of strings, found {Describe(value)}.", "Write [\"a\", \"b\"].");
            return null;
        }
        var items = ImmutableArray.CreateBuilder<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (StringValue(item, JsonPath.Index(path, index)) is { } text)
            {
                items.Add(text);
            }
            index++;
        }
        return items.ToImmutable();
    }

    public ImmutableArray<int>? Ints(JsonElement parent, string parentPath, string key, int minimum, int maximum, string meaning)
    {
        if (!TryGet(parent, key, out var value))
        {
            return null;
        }
        var path = JsonPath.Property(parentPath, key);
        if (value.ValueKind != JsonValueKind.Array)
        {
            Error(path, $"Expected an array of numbers, found {Describe(value)}.", "Write [5432].");
            return null;
        }
        var items = ImmutableArray.CreateBuilder<int>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (IntValue(item, JsonPath.Index(path, index), minimum, meaning, maximum) is { } number)
            {
                items.Add(number);
            }
            index++;
        }
        return items.ToImmutable();
    }

    /// <summary>An object of string values: <c>{ "NAME": "value" }</c>.</summary>
    public ImmutableDictionary<string, string>? StringMap(JsonElement parent, string parentPath, string key)
    {
        if (!TryGet(parent, key, out var value))
        {
            return null;
        }
        var path = JsonPath.Property(parentPath, key);
        if (!Map(value, path))
        {
            return null;
        }
        var map = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                map[property.Name] = property.Value.GetString()!;
            }
            else
            {
                Error(propertyPath, $"Expected a string, found {Describe(property.Value)}.", "Put the value in double quotes.");
            }
        }
        return map.ToImmutable();
    }

    /// <summary>One of the spellings of <paramref name="values"/>; a near miss is suggested.</summary>
    public T? Enum<T>(JsonElement parent, string parentPath, string key, ImmutableDictionary<string, T> values)
        where T : struct
    {
        if (!TryGet(parent, key, out var value))
        {
            return null;
        }
        return EnumValue(value, JsonPath.Property(parentPath, key), key, values);
    }

    public T? EnumValue<T>(JsonElement value, string path, string what, ImmutableDictionary<string, T> values)
        where T : struct
    {
        var known = values.Keys.Order(StringComparer.Ordinal).ToList();
        if (value.ValueKind != JsonValueKind.String)
        {
            Error(path, $"Expected one of {string.Join(", ", known)}, found {Describe(value)}.", $"Write one of them in double quotes.");
            return null;
        }
        var text = value.GetString()!;
        if (values.TryGetValue(text, out var result))
        {
            return result;
        }
        var suggestion = NameSuggestion.Nearest(text, known);
        Error(
            path,
            $"'{text}' is not a valid {what}.",
            (suggestion is null ? "" : $"Did you mean '{suggestion}'? ") + $"Valid values: {string.Join(", ", known)}.");
        return null;
    }

    public static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"{element.GetRawText()}",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private int? LineOfParent(string path)
    {
        var current = path;
        while (current.Length > JsonPath.Root.Length)
        {
            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            if (cut <= 0)
            {
                break;
            }
            current = current[..cut];
            if (lines.LineOf(current) is { } line)
            {
                return line;
            }
        }
        return lines.LineOf(JsonPath.Root);
    }
}
