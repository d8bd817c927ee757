using Aurora.Core.Config.Reading;

namespace Aurora.Core.Config.Validation;

/// Finds depends_on cycles by depth-first search (file order, then declaration order) and reports
/// each once, as a path starting at the cycle's first service in the file: `web -> api -> db -> web`.
internal static class CycleFinder
{
    public static void Report(IReadOnlyList<ParsedService> services, DiagnosticBag bag)
    {
        var byName = services.ToDictionary(s => s.Config.Name);
        var order = services.Select((s, i) => (s.Config.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var state = new Dictionary<string, bool>(); // false: on the stack; true: finished
        var stack = new List<string>();
        var reported = new HashSet<string>();

        foreach (var service in services)
        {
            Visit(service.Config.Name);
        }

        void Visit(string name)
        {
            if (state.ContainsKey(name))
            {
                return;
            }

            state[name] = false;
            stack.Add(name);
            foreach (var dependency in byName[name].Dependencies.Select(d => d.Dependency.Service).Where(byName.ContainsKey))
            {
                if (state.TryGetValue(dependency, out var finished) && !finished)
                {
                    Found(stack[stack.IndexOf(dependency)..]);
                }
                else
                {
                    Visit(dependency);
                }
            }

            stack.RemoveAt(stack.Count - 1);
            state[name] = true;
        }

        void Found(List<string> cycle)
        {
            var start = cycle.IndexOf(cycle.MinBy(n => order[n])!);
            var rotated = cycle[start..].Concat(cycle[..start]).ToList();
            var text = string.Join(" -> ", rotated.Append(rotated[0]));
            if (!reported.Add(text))
            {
                return;
            }

            var first = byName[rotated[0]];
            var next = rotated.Count > 1 ? rotated[1] : rotated[0];
            var entry = first.Dependencies.First(d => d.Dependency.Service == next);
            var hint = rotated.Count == 1 ? "a service cannot depend on itself" : "remove one of these dependencies";
            bag.Error(entry.At, KeyPath.Child(KeyPath.Child("services", first.Config.Name), "depends_on"),
                $"dependency cycle: {text}; {hint}");
        }
    }
}
