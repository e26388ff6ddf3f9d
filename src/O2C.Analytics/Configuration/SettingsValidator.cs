using System.Collections;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace O2C.Analytics.Configuration;

/// <summary>
/// Refuses configuration the program would silently ignore: a key no setting has (a typo such as Mail:SmtpHsot would
/// otherwise send mail to the outbox), named by its path with the closest real key. Binding follows the settings'
/// public properties, case-insensitively, into lists (numbered keys) and dictionaries (any key).
/// </summary>
public static class SettingsValidator
{
    public static IReadOnlyList<string> UnknownKeys(IConfiguration configuration, Type settings) =>
        Walk(configuration.GetChildren(), settings).ToList();

    private static IEnumerable<string> Walk(IEnumerable<IConfigurationSection> sections, Type type)
    {
        foreach (var section in sections)
        {
            if (ElementType(type) is { } element)
            {
                foreach (var unknown in Walk(section.GetChildren(), element)) yield return unknown;
                continue;
            }
            if (IsDictionary(type)) continue;
            var property = Properties(type).FirstOrDefault(p => string.Equals(p.Name, section.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var closest = ClosestName.Find(section.Key, Properties(type).Select(p => p.Name));
                yield return section.Path + (closest is null ? "" : $" (did you mean {ParentPath(section)}{closest}?)");
                continue;
            }
            foreach (var unknown in Walk(section.GetChildren(), property.PropertyType)) yield return unknown;
        }
    }

    private static string ParentPath(IConfigurationSection section) =>
        section.Path.Length > section.Key.Length ? section.Path[..(section.Path.Length - section.Key.Length)] : "";

    private static IEnumerable<PropertyInfo> Properties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0);

    /// <summary>The element type of an array or list (bound from keys 0, 1, ...), or null.</summary>
    private static Type? ElementType(Type type)
    {
        if (type == typeof(string)) return null;
        if (type.IsArray) return type.GetElementType();
        if (IsDictionary(type)) return null;
        return type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
    }

    private static bool IsDictionary(Type type) =>
        typeof(IDictionary).IsAssignableFrom(type)
        || type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));
}
