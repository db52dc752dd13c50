-- A 3,000,000-iteration integer loop: multiply, add, modulo, a branch per iteration.
local acc = 0
for i = 0, 3000000 - 1 do
  acc = (acc * 31 + i) % 1000003
  if i % 3 == 0 then acc = acc + 1 end
end
print(acc)
