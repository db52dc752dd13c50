-- 200,000 records (tables with 5 fields) through the loops that where / map / sum / groupBy /
-- sortBy stand for: Lua's standard library has no such methods, so this is what one writes.
local envs = {"Production", "Staging", "Test", "Dev"}
local records = {}
for i = 0, 200000 - 1 do
  records[#records + 1] = {Id = i, Name = "task-" .. i, Env = envs[i % 4 + 1],
                           Duration = (i * 37) % 1000, Ok = i % 3 ~= 0}
end
local ok = {}
for _, r in ipairs(records) do
  if r.Ok then ok[#ok + 1] = r end
end
local durations, total = {}, 0
for i, r in ipairs(ok) do durations[i] = r.Duration end
for _, d in ipairs(durations) do total = total + d end
print(#ok .. " " .. total)
local groups, order = {}, {}
for _, r in ipairs(ok) do
  local g = groups[r.Env]
  if not g then g = {}; groups[r.Env] = g; order[#order + 1] = r.Env end
  g[#g + 1] = r
end
for _, env in ipairs(order) do
  local group, sum = groups[env], 0
  for _, r in ipairs(group) do sum = sum + r.Duration end
  print(env .. " " .. #group .. " " .. sum)
end
-- table.sort is not stable; breaking ties on Id (the original order) makes it behave as one.
local sorted = {}
for i, r in ipairs(ok) do sorted[i] = r end
table.sort(sorted, function(a, b)
  if a.Duration ~= b.Duration then return a.Duration < b.Duration end
  return a.Id < b.Id
end)
print(sorted[1].Id .. " " .. sorted[#sorted].Id .. " " .. sorted[#sorted // 2 + 1].Name)
