import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "neuron-steps",
    kind: "ordering",
    prompt:
      "Put the steps a neuron takes, from the numbers coming in to the number going out, in order.",
    hints: [
      "The activation function is applied to a single number, so everything has to be combined before it.",
      "The bias is added at the same moment as the weighted inputs are summed.",
    ],
    items: [
      { id: "multiply", text: "Multiply each input by its own weight" },
      { id: "sum", text: "Add the products together, plus the bias, to get z" },
      { id: "activate", text: "Pass z through the activation function" },
      { id: "output", text: "Send the result a on as the neuron's output" },
    ],
    explanation:
      "A neuron first weighs each input (multiply by its weight), then adds everything up together with the bias into one number z, and only then applies the activation function: a = f(z). That a is what the neuron hands on. The activation always comes last because it works on the finished sum, not on the separate inputs.",
  },
  {
    id: "neuron-compute-z",
    kind: "numeric",
    prompt:
      "A neuron has three inputs x1 = 2, x2 = -1, x3 = 3, weights w1 = 0.5, w2 = 1.5, w3 = -0.2 and bias b = 0.4.\nWhat is its weighted sum z = w1·x1 + w2·x2 + w3·x3 + b?",
    hints: [
      "Work out the three products first: 0.5 × 2, then 1.5 × (-1), then -0.2 × 3.",
      "The products are 1, -1.5 and -0.6. Now add them and the bias.",
    ],
    answer: -0.7,
    tolerance: 0.01,
    explanation:
      "z = 0.5 × 2 + 1.5 × (-1) + (-0.2) × 3 + 0.4 = 1 - 1.5 - 0.6 + 0.4 = -0.7. Watch the signs: a negative input times a positive weight gives a negative product, and so does a positive input times a negative weight.",
  },
  {
    id: "neuron-relu-output",
    kind: "choice",
    multiple: false,
    prompt:
      "The neuron from the previous question (z = -0.7) uses ReLU as its activation. What is its output a?",
    hints: ["ReLU(z) = max(0, z): the larger of the two numbers 0 and z."],
    options: [
      { id: "zero", text: "0" },
      { id: "minus", text: "-0.7" },
      { id: "plus", text: "0.7" },
      { id: "half", text: "0.5" },
    ],
    correct: ["zero"],
    explanation:
      "ReLU(z) = max(0, z). Since -0.7 is below zero, the larger of 0 and -0.7 is 0, so the neuron outputs 0: it stays silent. ReLU never flips the sign (that would give 0.7), and 0.5 is what a sigmoid gives at z = 0, not what ReLU gives here.",
  },
  {
    id: "neuron-weights-matter",
    kind: "choice",
    multiple: true,
    prompt:
      "A ReLU neuron has inputs x1 = 1, x2 = 2 and weights w1 = 0.8, w2 = -0.5. Which of these changes, made one at a time, make its z larger? Choose all that apply.",
    hints: [
      "Each change moves z by the change in one product (or in the bias). Work out whether that product grows or shrinks.",
      "Increasing an input that has a negative weight makes its product more negative.",
    ],
    options: [
      { id: "raise-x1", text: "Increase x1 from 1 to 2" },
      { id: "raise-x2", text: "Increase x2 from 2 to 3" },
      { id: "raise-bias", text: "Increase the bias by 0.5" },
      { id: "zero-w2", text: "Set w2 to 0" },
      { id: "lower-w1", text: "Lower w1 from 0.8 to 0.2" },
    ],
    correct: ["raise-x1", "raise-bias", "zero-w2"],
    explanation:
      "Raising x1 adds w1 × 1 = 0.8 to z. Raising the bias by 0.5 adds 0.5 directly. Setting w2 to 0 removes the product -0.5 × 2 = -1, so z goes up by 1: the neuron stops listening to an input that was pulling it down. Raising x2 does the opposite, because its weight is negative: z drops by 0.5. Lowering w1 shrinks a positive product, from 0.8 to 0.2, so z drops by 0.6.",
  },
  {
    id: "neuron-separate",
    kind: "goal",
    prompt:
      "Each point on the map is a pair of inputs (x1, x2) with a label, 0 or 1. Set the two weights and the bias of one sigmoid neuron so that every point labelled 1 gets an output of at least 0.5 and every point labelled 0 gets less than 0.5. In other words: place the neuron's line so that it separates the two groups.",
    hints: [
      "The neuron answers 1 exactly where z = w1·x1 + w2·x2 + b is zero or more. Look at which corner of the map the 1 points gather in.",
      "The 1 points sit towards large x1 and small x2. So x1 should push z up (positive w1) and x2 should push it down (negative w2).",
      "Try w1 = 1 and w2 = -1, then slide the line with the bias until no point is on the wrong side.",
    ],
    goal: {
      type: "neuron-separates",
      points: [
        { x: [-1.0, 0.5], label: 0 },
        { x: [-0.4, 0.8], label: 0 },
        { x: [0.2, 1.1], label: 0 },
        { x: [-1.3, -0.6], label: 0 },
        { x: [0.5, 0.9], label: 0 },
        { x: [-0.8, -0.4], label: 0 },
        { x: [1.2, -0.6], label: 1 },
        { x: [0.8, -1.0], label: 1 },
        { x: [1.0, 0.2], label: 1 },
        { x: [-0.2, -1.2], label: 1 },
        { x: [0.4, -0.5], label: 1 },
        { x: [1.4, 0.6], label: 1 },
      ],
    },
    explanation:
      "The points labelled 1 are exactly those where x1 is well above x2, so one answer is w1 = 1, w2 = -1 and b = 0: then z = x1 - x2, which is positive for every 1 point and negative for every 0 point. Many other answers work too, for example w1 = 2, w2 = -2, b = 0.5, because scaling the weights and nudging the bias can leave the line between the two groups. What matters is that the line w1·x1 + w2·x2 + b = 0 runs through the gap, with the 1 side facing the 1 points.",
  },
]);
