import { defineExercises } from "../define.ts";

export default defineExercises([
  {
    id: "loss-mse-three",
    kind: "numeric",
    prompt:
      "A network predicts how many minutes three buses will be late. It predicts 3, 5 and 10 minutes; the buses are actually 2, 5 and 7 minutes late.\nWhat is the mean squared error of these three predictions? (Give at least two decimals.)",
    hints: [
      "Start with the error of each prediction: prediction minus true value.",
      "The errors are 1, 0 and 3. Square each one.",
      "Add the three squares and divide by 3, the number of predictions.",
    ],
    answer: 10 / 3,
    tolerance: 0.01,
    explanation:
      "The errors are 3 − 2 = 1, 5 − 5 = 0 and 10 − 7 = 3. Squared, they are 1, 0 and 9, which add up to 10. The mean over three predictions is 10 / 3 ≈ 3.33. Notice that the single 3-minute miss contributes 9 of the 10: squaring makes the biggest error dominate, so training works hardest on it.",
  },
  {
    id: "loss-task-kind",
    kind: "choice",
    multiple: true,
    prompt:
      "Which of these tasks are classification tasks, where cross-entropy is the usual loss? Select all that apply.",
    options: [
      { id: "spam", text: "Deciding whether an email is spam or not" },
      { id: "temperature", text: "Predicting tomorrow's temperature in degrees" },
      { id: "digit", text: "Recognising which digit, 0 to 9, is written in an image" },
      { id: "price", text: "Estimating the selling price of a second-hand bike" },
      { id: "cat", text: "Telling whether a photo shows a cat" },
      { id: "visitors", text: "Forecasting how many people will visit a museum on Saturday" },
    ],
    correct: ["spam", "digit", "cat"],
    hints: [
      "Ask of each task: is the answer a category, or an amount on a scale?",
      "Categories are classification (cross-entropy); amounts are regression (mean squared error).",
    ],
    explanation:
      "Spam or not, which digit, and cat or not all pick one answer from a fixed set of categories, so the network outputs probabilities and cross-entropy scores them by the probability given to the right category. Temperature, price and visitor numbers are amounts, where being off by a little is better than being off by a lot: that is regression, usually scored with mean squared error.",
  },
  {
    id: "loss-confidence-order",
    kind: "ordering",
    prompt:
      'A photo shows a cat. Four networks give the probabilities below for "cat". Put them in order of their cross-entropy loss, from the smallest loss to the largest.',
    items: [
      { id: "p99", text: "The network says 0.99 cat" },
      { id: "p70", text: "The network says 0.7 cat" },
      { id: "p40", text: "The network says 0.4 cat" },
      { id: "p05", text: "The network says 0.05 cat" },
    ],
    hints: [
      'Cross-entropy only looks at the probability given to the right answer, here "cat".',
      "The more probability on the right answer, the smaller the loss; it is 0 only at a probability of 1.",
    ],
    explanation:
      "Cross-entropy is −log of the probability given to the right answer: about 0.01 for 0.99, 0.36 for 0.7, 0.92 for 0.4, and 3.00 for 0.05. The last network is almost sure the cat is not a cat, and that confident mistake costs about three hundred times as much as the nearly perfect answer.",
  },
  {
    id: "loss-learning-goal",
    kind: "choice",
    multiple: false,
    prompt: "Training data stays the same while a network learns. What is learning trying to do?",
    options: [
      {
        id: "min-weights",
        text: "Find the weights and biases that make the loss as small as possible",
      },
      {
        id: "max-loss",
        text: "Make the loss as large as possible, so the network notices its mistakes",
      },
      {
        id: "change-data",
        text: "Change the training examples until they match the network's predictions",
      },
      { id: "zero-weights", text: "Set every weight to zero, so the network starts without bias" },
    ],
    correct: ["min-weights"],
    hints: [
      "Which numbers in a network can actually be changed during training?",
      "The loss is high when the network is wrong and near zero when it is right.",
    ],
    explanation:
      "For fixed examples the loss depends only on the weights and biases, so learning is a search for the weights that make the loss smallest. The data is the truth we measure against and is never changed to suit the network. And a network is not started at zero but with small random weights, so that its neurons differ from one another.",
  },
]);
