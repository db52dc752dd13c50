-- Build 200,000 strings by interpolation, join them, split the result, and measure the pieces.
local parts = {}
for i = 0, 200000 - 1 do
  parts[#parts + 1] = "item-" .. i
end
local joined = table.concat(parts, ",")
local back = {}
for piece in string.gmatch(joined, "[^,]+") do
  back[#back + 1] = piece
end
local total = 0
for _, p in ipairs(back) do
  total = total + #p
end
print(#joined .. " " .. #back .. " " .. total)
