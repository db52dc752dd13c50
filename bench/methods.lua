-- 200,000 records with string keys through the loops that where / map / sortBy stand for:
-- Lua's standard library has no such methods, so this is what one writes.
local envs = {"Production", "Staging", "Test", "Dev"}
local tasks = {}
for i = 0, 200000 - 1 do
  tasks[#tasks + 1] = {Id = "task-" .. i, Env = envs[i % 4 + 1],
                       State = (i % 5 == 0) and "Failed" or "Success", Duration = (i * 7919) % 3600}
end
local failed = {}
for _, t in ipairs(tasks) do
  if t.State == "Failed" and t.Env ~= "Dev" then failed[#failed + 1] = t end
end
local lines = {}
for i, t in ipairs(failed) do lines[i] = t.Env .. "/" .. t.Id .. ": " .. t.Duration .. "s" end
local total = 0
for _, line in ipairs(lines) do total = total + #line end
-- table.sort is not stable; the Ids are unique, so it need not be.
local byName = {}
for i, t in ipairs(tasks) do byName[i] = t end
table.sort(byName, function(a, b) return a.Id < b.Id end)
local slow = {}
for _, t in ipairs(tasks) do
  if t.Duration > 3000 then slow[#slow + 1] = t.Id .. " took " .. (t.Duration // 60) .. " min" end
end
print(#failed .. " " .. total .. " " .. lines[1] .. " " .. byName[1].Id .. " " .. byName[#byName].Id
      .. " " .. #slow .. " " .. slow[#slow])
