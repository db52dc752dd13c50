-- 1,000,000 small objects: build them, then read and update their fields in place.
local points = {}
for i = 0, 1000000 - 1 do
  points[#points + 1] = {x = i % 1000, y = i % 777, hits = 0}
end
for i = 1, #points do
  points[i].hits = points[i].hits + points[i].x + points[i].y
  if points[i].hits > 1000 then points[i].x = 0 end
end
local sum, zeros = 0, 0
for _, p in ipairs(points) do
  sum = sum + p.hits
  if p.x == 0 then zeros = zeros + 1 end
end
print(sum .. " " .. zeros)
